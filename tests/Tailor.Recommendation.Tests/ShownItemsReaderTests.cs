using Tailor.Recommendation.Training;
using Tailor.Storage;
using Tailor.Storage.Sqlite;

namespace Tailor.Recommendation.Tests;

/// <summary>
/// A training reads what emails showed from the stream of their own and from the evidence stream, where emails were
/// recorded before, and counts an email found in both once.
/// </summary>
public sealed class ShownItemsReaderTests : IDisposable
{
    private static readonly DateTimeOffset SentAt = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("tailor-shown-").FullName;

    [Fact]
    public async Task Emails_of_both_streams_count_and_one_in_both_counts_once()
    {
        var ct = TestContext.Current.CancellationToken;
        using var database = new SqliteDatabase(Path.Combine(_directory, "recommendation.db"));
        var events = new SqliteEventStore(database);
        var before = Shown("u-before", "p1");
        var after = Shown("u-after", "p2");
        var redelivered = Shown("u-both", "p3");
        await events.AppendManyAsync([Stored(RecommendationStore.Stream, before), Stored(RecommendationStore.Stream, redelivered)], ct);
        await events.AppendManyAsync([Stored(RecommendationStore.ShownStream, after), Stored(RecommendationStore.ShownStream, redelivered)], ct);
        var set = new InteractionSet();

        await ShownItemsReader.AddToAsync(events, set, ct);

        Assert.Equal(1, set.IgnoredCount("u-before", "p1"));
        Assert.Equal(1, set.IgnoredCount("u-after", "p2"));
        Assert.Equal(1, set.IgnoredCount("u-both", "p3"));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    // Without an email id a showing counts as ignored whether or not it was opened, so each count is the showings read.
    private static ShownItems Shown(string userId, string itemId) => new(Guid.NewGuid(), userId, SentAt, [itemId]);

    private static StoredEvent Stored(string stream, ShownItems shown) => StoredEvent.Of(stream, shown.EventId, shown.UserId, SentAt, shown);
}
