using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Tailor.ContentGeneration.Subjects;
using Tailor.Contracts;
using Tailor.Testing;

namespace Tailor.ContentGeneration.Tests;

/// <summary>
/// Two replicas of the subject bandit on one SQLite file, one of them counting a copy whose update loses a race to
/// more counts than the test remembers: the emails' own records, made after counting, keep the copy from counting again.
/// </summary>
public sealed class SubjectBanditLostRaceTests : IDisposable
{
    private const string Campaign = "autumn-1";
    private static readonly string[] Subjects = ["Fresh picks for your home", "Something new for the home"];
    private static readonly string Key = SubjectBandit.TestKey(Campaign, Subjects);

    private readonly SqliteReplicas _stores = new();
    private readonly OvertakingWriter _overtaking = new();
    private readonly SubjectBandit[] _bandits;

    public SubjectBanditLostRaceTests() =>
        _bandits =
        [
            .. _stores.Documents.Select(documents => new SubjectBandit(
                new DocumentWriteOvertaken(documents, ContentGenerationNames.SubjectTestsCollection, Key, _overtaking),
                Options.Create(new SubjectBanditOptions()),
                NullLogger<SubjectBandit>.Instance)),
        ];

    public void Dispose() => _stores.Dispose();

    [Fact]
    public async Task RecordShownAsync_copies_overtaken_by_more_counts_than_the_test_remembers_count_only_the_new_emails()
    {
        var ct = TestContext.Current.CancellationToken;
        var copies = Emails(10);
        var later = Emails(SubjectTest.RecentlyCountedLimit);
        var fresh = Emails(5);

        // One replica took copies of 10 emails, and 5 new ones; before its count lands, the other counts and records
        // the 10, then more emails than the test remembers counts of.
        _overtaking.Arm(async () =>
        {
            await _bandits[1].RecordShownAsync(copies, ct);
            await _bandits[1].RecordShownAsync(later, ct);
        });
        await _bandits[0].RecordShownAsync([.. copies, .. fresh], ct);

        Assert.True(_overtaking.Overtook);
        var test = await _bandits[1].FindAsync(Key, ct);
        Assert.Equal(copies.Count + later.Count + fresh.Count, test!.Variants[1].Shown);
    }

    [Fact]
    public async Task ObserveAsync_copy_of_an_open_overtaken_by_more_counts_than_the_test_remembers_counts_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = Emails(1);
        var others = Emails(SubjectTest.RecentlyCountedLimit);
        await _bandits[0].RecordShownAsync([.. email, .. others], ct);
        var open = Open(email[0].EmailId);

        // Both replicas got the open (a provider's retry). Before the first one's count lands, the other counts it and
        // then the opens of more emails than the test remembers counts of.
        _overtaking.Arm(async () =>
        {
            await _bandits[1].ObserveAsync(open, ct);
            foreach (var other in others)
            {
                await _bandits[1].ObserveAsync(Open(other.EmailId), ct);
            }
        });
        Assert.False(await _bandits[0].ObserveAsync(open, ct));

        Assert.True(_overtaking.Overtook);
        var test = await _bandits[1].FindAsync(Key, ct);
        Assert.Equal(1 + others.Count, test!.Variants[1].Opens);
    }

    private static List<ShownSubject> Emails(int count) =>
        [.. Enumerable.Range(0, count).Select(_ => new ShownSubject(Campaign, new SubjectChoice(Subjects, 1), Guid.NewGuid()))];

    private static EmailEngaged Open(Guid emailId) =>
        new(Guid.NewGuid(), "17850", DateTimeOffset.UtcNow, emailId, Campaign, EngagementKind.Open, null, null, false);
}
