using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Tailor.ContentGeneration.Frequency;
using Tailor.ContentGeneration.Subjects;
using Tailor.Contracts;
using Tailor.Testing;

namespace Tailor.ContentGeneration.Tests;

/// <summary>
/// Two replicas of the frequency guard and the subject bandit, each with its own connection to one SQLite file (as two
/// processes sharing the service's database), updating one user's ledger and one campaign's subject test at once.
/// </summary>
public sealed class ReplicaRaceTests : IDisposable
{
    private const string UserId = "17850";
    private static readonly string[] Subjects = ["Fresh picks for your home", "Something new for the home"];

    private readonly SqliteReplicas _stores = new();

    public void Dispose() => _stores.Dispose();

    [Fact]
    public async Task AdmitAsync_of_many_campaigns_on_two_replicas_at_once_lets_exactly_the_cap_through()
    {
        var guards = Guards();
        var sendAt = DateTimeOffset.UtcNow.AddHours(1);
        var emails = Enumerable.Range(1, 40).Select(campaign => Email($"sale-{campaign}", sendAt)).ToList();

        var decisions = await Task.WhenAll(emails.Select((email, index) => Task.Run(
            () => guards[index % 2].AdmitAsync(email, CampaignTypes.Promotional, TestContext.Current.CancellationToken),
            TestContext.Current.CancellationToken)));

        // The default promotional cap: 3 a week.
        var admitted = emails.Where((_, index) => decisions[index].Admitted).Select(email => email.EmailId).Order().ToList();
        Assert.Equal(3, admitted.Count);
        Assert.All(decisions.Where(decision => !decision.Admitted), decision => Assert.Equal(SuppressionReasons.FrequencyCap, decision.SuppressionReason));
        var ledger = await guards[1].FindAsync(UserId, TestContext.Current.CancellationToken);
        Assert.Equal(admitted, ledger!.Sends.Select(send => send.EmailId).Order());
    }

    [Fact]
    public async Task AdmitAsync_copies_of_one_email_racing_on_two_replicas_count_it_once()
    {
        var guards = Guards();
        var email = Email("news-1", DateTimeOffset.UtcNow.AddHours(1));

        var decisions = await Task.WhenAll(Enumerable.Range(0, 12).Select(copy => Task.Run(
            () => guards[copy % 2].AdmitAsync(email, CampaignTypes.Newsletter, TestContext.Current.CancellationToken),
            TestContext.Current.CancellationToken)));

        // Every copy may go out (they are one email, sent once by id); one of them took the place under the cap.
        Assert.All(decisions, decision => Assert.True(decision.Admitted));
        Assert.Single(decisions, decision => !decision.IsRepeat);
        Assert.Equal(email.EmailId, Assert.Single((await guards[0].FindAsync(UserId, TestContext.Current.CancellationToken))!.Sends).EmailId);
    }

    [Fact]
    public async Task AdmitManyAsync_batches_on_two_replicas_decide_as_one_email_at_a_time_would()
    {
        var guards = Guards();
        var sendAt = DateTimeOffset.UtcNow.AddHours(1);
        // 30 users with 5 campaigns each, every email twice (a copy of each batch on each replica), cut into batches
        // that hold several emails of one user: the cap (3 promotional a week) lets exactly 3 of each user's through.
        var users = Enumerable.Range(1, 30).Select(user => $"user-{user}").ToList();
        var emails = users.SelectMany(user => Enumerable.Range(1, 5).Select(campaign => Email($"sale-{campaign}", sendAt, user))).ToList();
        var batches = emails.Chunk(25).ToList();

        var decided = await Task.WhenAll(batches.SelectMany(batch => guards.Select(guard => Task.Run(
            async () => (Batch: batch, Decisions: await guard.AdmitManyAsync(
                [.. batch.Select(email => new EmailToAdmit(email, CampaignTypes.Promotional))], TestContext.Current.CancellationToken)),
            TestContext.Current.CancellationToken))));

        foreach (var user in users)
        {
            var ledger = await guards[0].FindAsync(user, TestContext.Current.CancellationToken);
            Assert.Equal(3, ledger!.Sends.Count);
            // Every copy of an admitted email is let through (once counted), every other one held back by the cap.
            var admittedIds = ledger.Sends.Select(send => send.EmailId).ToHashSet();
            var outcomes = decided.SelectMany(result => result.Batch.Zip(result.Decisions)).Where(pair => pair.First.UserId == user).ToList();
            Assert.Equal(10, outcomes.Count);
            Assert.All(outcomes, pair => Assert.Equal(admittedIds.Contains(pair.First.EmailId), pair.Second.Admitted));
            Assert.Equal(3, outcomes.Count(pair => pair.Second.Admitted && !pair.Second.IsRepeat));
        }
    }

    [Fact]
    public async Task RecordEngagementAsync_racing_admissions_on_the_other_replica_loses_neither()
    {
        var guards = Guards();
        var now = DateTimeOffset.UtcNow;
        var emails = Enumerable.Range(1, 20).Select(campaign => Email($"order-{campaign}", now.AddHours(campaign))).ToList();
        var engagements = Enumerable.Range(1, 20).Select(minutes => now.AddMinutes(-minutes)).ToList();

        await Task.WhenAll(
            emails.Select(email => Task.Run(() => guards[0].AdmitAsync(email, CampaignTypes.Transactional, TestContext.Current.CancellationToken), TestContext.Current.CancellationToken))
                .Concat(engagements.Select(at => Task.Run(() => guards[1].RecordEngagementAsync(UserId, at, TestContext.Current.CancellationToken), TestContext.Current.CancellationToken))));

        var ledger = await guards[1].FindAsync(UserId, TestContext.Current.CancellationToken);
        Assert.Equal(emails.Select(email => email.EmailId).Order(), ledger!.Sends.Select(send => send.EmailId).Order());
        Assert.Equal(engagements.Max(), ledger.LastEngagedAt);
    }

    [Fact]
    public async Task RecordShownAsync_of_every_email_twice_on_two_replicas_at_once_counts_each_once()
    {
        var bandits = Bandits();
        var emails = Enumerable.Range(0, 300).Select(index => (EmailId: Guid.NewGuid(), Variant: index % 2)).ToList();

        // Eight consumers, four per replica; every email is handled by one consumer on each replica, as two copies of
        // its command would be.
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(
            async () =>
            {
                foreach (var (emailId, variant) in emails.Where((_, index) => index % 4 == worker / 2))
                {
                    await bandits[worker % 2].RecordShownAsync("autumn-1", Subjects, variant, emailId, TestContext.Current.CancellationToken);
                }
            },
            TestContext.Current.CancellationToken)));
        TestContext.Current.SendDiagnosticMessage($"{2 * emails.Count} shown records on one subject test in {clock.ElapsedMilliseconds} ms");

        var test = await bandits[0].FindAsync(SubjectBandit.TestKey("autumn-1", Subjects), TestContext.Current.CancellationToken);
        Assert.Equal([150L, 150L], test!.Variants.Select(variant => variant.Shown));
    }

    [Fact]
    public async Task RecordShownAsync_of_batches_taken_by_both_replicas_at_once_counts_each_email_once()
    {
        var bandits = Bandits();
        var emails = Enumerable.Range(0, 600).Select(index => new ShownSubject("autumn-1", new SubjectChoice(Subjects, index % 2), Guid.NewGuid())).ToList();

        // Batches of 100 as the consumer takes them; every batch is taken by both replicas, four batches in flight at once.
        var batches = emails.Chunk(100).ToList();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(
            async () =>
            {
                foreach (var batch in batches.Where((_, index) => index % 2 == worker / 2))
                {
                    await bandits[worker % 2].RecordShownAsync(batch, TestContext.Current.CancellationToken);
                }
            },
            TestContext.Current.CancellationToken)));

        var test = await bandits[0].FindAsync(SubjectBandit.TestKey("autumn-1", Subjects), TestContext.Current.CancellationToken);
        Assert.Equal([300L, 300L], test!.Variants.Select(variant => variant.Shown));
    }

    [Fact]
    public async Task ObserveAsync_copies_of_opens_and_clicks_racing_on_two_replicas_count_each_email_once()
    {
        var bandits = Bandits();
        var emails = Enumerable.Range(0, 60).Select(_ => Guid.NewGuid()).ToList();
        foreach (var emailId in emails)
        {
            await bandits[0].RecordShownAsync("autumn-1", Subjects, 1, emailId, TestContext.Current.CancellationToken);
        }

        // Each email's open and click, each reported twice (a provider's retry), all four handled at once on two replicas.
        var engagements = emails.SelectMany(emailId => new[]
        {
            (Replica: 0, Engagement: Engagement(emailId, EngagementKind.Open)),
            (Replica: 1, Engagement: Engagement(emailId, EngagementKind.Open)),
            (Replica: 1, Engagement: Engagement(emailId, EngagementKind.Click)),
            (Replica: 0, Engagement: Engagement(emailId, EngagementKind.Click)),
        });
        await Task.WhenAll(engagements.Select(entry => Task.Run(
            () => bandits[entry.Replica].ObserveAsync(entry.Engagement, TestContext.Current.CancellationToken),
            TestContext.Current.CancellationToken)));

        var variant = (await bandits[1].FindAsync(SubjectBandit.TestKey("autumn-1", Subjects), TestContext.Current.CancellationToken))!.Variants[1];
        Assert.Equal((60L, 60L, 60L), (variant.Shown, variant.Opens, variant.Clicks));
    }

    private FrequencyGuard[] Guards() =>
        [.. _stores.Documents.Select(documents => new FrequencyGuard(documents, new FrequencyPolicy(new ContentGenerationOptions()), TimeProvider.System))];

    private SubjectBandit[] Bandits() =>
        [.. _stores.Documents.Select(documents => new SubjectBandit(documents, Options.Create(new SubjectBanditOptions()), NullLogger<SubjectBandit>.Instance))];

    private static EmailReady Email(string campaignId, DateTimeOffset sendAt, string userId = UserId) =>
        new(
            MessageIds.EmailReady(MessageIds.Email(campaignId, userId)),
            userId,
            DateTimeOffset.UtcNow,
            MessageIds.Email(campaignId, userId),
            campaignId,
            "customer@example.com",
            "Fresh picks for your home",
            "Chosen from what you bought",
            "<p>Fresh picks</p>",
            "Fresh picks",
            new Dictionary<string, string>(),
            sendAt,
            ContentGenerationNames.TemplateGenerator,
            ["85123A"]);

    private static EmailEngaged Engagement(Guid emailId, EngagementKind kind) =>
        new(Guid.NewGuid(), UserId, DateTimeOffset.UtcNow, emailId, "autumn-1", kind, null, null, false);
}
