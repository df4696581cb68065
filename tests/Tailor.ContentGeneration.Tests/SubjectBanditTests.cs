using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Tailor.ContentGeneration.Subjects;
using Tailor.Contracts;
using Tailor.Storage;
using Tailor.Storage.Sqlite;

namespace Tailor.ContentGeneration.Tests;

public sealed class SubjectBanditTests
{
    private static readonly string[] Subjects = ["Fresh picks for your home", "Something new for the home"];

    [Fact]
    public async Task Choose_explores_every_variant_before_anything_is_known()
    {
        var bandit = Bandit(Store());
        var ct = TestContext.Current.CancellationToken;

        var chosen = new List<int>();
        for (var email = 0; email < 100; email++)
        {
            chosen.Add(await bandit.ChooseAsync("autumn-1", Subjects, Guid.NewGuid(), ct));
        }

        Assert.InRange(chosen.Count(variant => variant == 0), 25, 75);
    }

    [Fact]
    public async Task Observe_opens_moves_emails_to_the_better_subject_declares_a_winner_and_survives_a_restart()
    {
        var store = Store();
        var ct = TestContext.Current.CancellationToken;
        var random = new Random(5);
        var bandit = Bandit(store);
        // Variant 1 is opened 40% of the time, variant 2 10%: shown as the bandit chooses, opened by that truth.
        for (var email = 0; email < 600; email++)
        {
            var emailId = Guid.NewGuid();
            var variant = await bandit.ChooseAsync("autumn-1", Subjects, emailId, ct);
            await bandit.RecordShownAsync("autumn-1", Subjects, variant, emailId, ct);
            if (random.NextDouble() < (variant == 0 ? 0.4 : 0.1))
            {
                await bandit.ObserveAsync(Engagement(emailId, EngagementKind.Open), ct);
            }
        }

        var restarted = Bandit(store);
        var test = await restarted.FindAsync(SubjectBandit.TestKey("autumn-1", Subjects), ct);
        Assert.NotNull(test);
        Assert.Equal(600, test.Variants.Sum(variant => variant.Shown));
        Assert.True(test.Variants[0].Shown > test.Variants[1].Shown * 2, $"{test.Variants[0].Shown} vs {test.Variants[1].Shown}");
        Assert.Equal(0, test.Winner);
        Assert.Equal(0, await restarted.ChooseAsync("autumn-1", Subjects, Guid.NewGuid(), ct));
    }

    [Fact]
    public async Task RecordShown_of_a_batch_counts_each_email_once_even_when_it_comes_again_after_the_test_forgot_it()
    {
        var bandit = Bandit(Store());
        var ct = TestContext.Current.CancellationToken;
        var first = Enumerable.Range(0, 100).Select(index => new ShownSubject("autumn-1", new SubjectChoice(Subjects, index % 2), Guid.NewGuid(), MayBeCounted: false)).ToList();
        await bandit.RecordShownAsync(first, ct);

        // Enough later batches that the test's recent counts no longer hold the first batch; then the first batch again,
        // as a retry after a crash between counting and recording its commands would bring it.
        foreach (var batch in Enumerable.Range(0, SubjectTest.RecentlyCountedLimit + 100).Select(_ => new ShownSubject("autumn-1", new SubjectChoice(Subjects, 1), Guid.NewGuid())).Chunk(100))
        {
            await bandit.RecordShownAsync(batch, ct);
        }

        await bandit.RecordShownAsync([.. first.Select(email => email with { MayBeCounted = true })], ct);

        var test = await bandit.FindAsync(SubjectBandit.TestKey("autumn-1", Subjects), ct);
        Assert.Equal([50L, 50L + SubjectTest.RecentlyCountedLimit + 100], test!.Variants.Select(variant => variant.Shown));
        Assert.Equal(SubjectTest.RecentlyCountedLimit, test.RecentlyCounted!.Count);
    }

    [Fact]
    public async Task Observe_counts_each_emails_open_and_click_once_and_ignores_machine_opens()
    {
        var bandit = Bandit(Store());
        var ct = TestContext.Current.CancellationToken;
        var emailId = Guid.NewGuid();
        await bandit.RecordShownAsync("autumn-1", Subjects, 1, emailId, ct);
        await bandit.RecordShownAsync("autumn-1", Subjects, 1, emailId, ct);

        Assert.False(await bandit.ObserveAsync(Engagement(emailId, EngagementKind.Open, machine: true), ct));
        Assert.True(await bandit.ObserveAsync(Engagement(emailId, EngagementKind.Open), ct));
        Assert.False(await bandit.ObserveAsync(Engagement(emailId, EngagementKind.Open), ct));
        Assert.True(await bandit.ObserveAsync(Engagement(emailId, EngagementKind.Click), ct));
        Assert.False(await bandit.ObserveAsync(Engagement(Guid.NewGuid(), EngagementKind.Click), ct));

        var variant = (await bandit.FindAsync(SubjectBandit.TestKey("autumn-1", Subjects), ct))!.Variants[1];
        Assert.Equal((1, 1, 1), (variant.Shown, variant.Opens, variant.Clicks));
        // Clicks weigh more: one open and one click at weight 2 make three successes over a uniform prior.
        Assert.Equal((4.0, 1.0), variant.Posterior(clickWeight: 2));
    }

    internal static IDocumentStore Store() =>
        new SqliteDocumentStore(new SqliteDatabase(Path.Combine(Path.GetTempPath(), $"tailor-subjects-tests-{Guid.NewGuid():N}.db")));

    private static SubjectBandit Bandit(IDocumentStore store) =>
        new(store, Options.Create(new SubjectBanditOptions { MinShown = 100 }), NullLogger<SubjectBandit>.Instance);

    private static EmailEngaged Engagement(Guid emailId, EngagementKind kind, bool machine = false) =>
        new(Guid.NewGuid(), "17850", DateTimeOffset.UtcNow, emailId, "autumn-1", kind, null, null, machine);
}
