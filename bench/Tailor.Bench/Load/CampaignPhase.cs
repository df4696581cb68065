using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Tailor.ContentGeneration;
using Tailor.ContentGeneration.Campaigns;
using Tailor.Profiles;
using Tailor.Storage;
using Tailor.Storage.Sqlite;

namespace Tailor.Bench.Load;

/// <summary>
/// Phase 3: every user made known to ContentGeneration (a contact slice with an address and consent, written as
/// Ingestion writes it, and four recommended products, written as Recommendation writes them, straight into Redis
/// through the services' own profile cache), then one campaign to everyone through <c>POST /v1/campaigns</c> with no
/// control group (which users a campaign holds out depends on its random id, so runs could not be compared),
/// timed from the request to the last <c>EmailReady</c> on the benchmark's own queue.
/// </summary>
/// <remarks>
/// A warm-up campaign to other users comes first, as the raw broker's rounds and the events phases have theirs: the
/// events phases never run ContentGeneration's composing code, so without it the measured campaign would be the
/// process's first, and a quarter of ContentGeneration's CPU went to the JIT compiling that code while it ran (a
/// system-wide profile, 2026-12-07). A campaign to millions runs for minutes on processes that have composed before.
/// The warm-up users are removed from the profile cache afterwards, so the measured campaign's audience and outcomes
/// are the same as without it.
/// </remarks>
internal static class CampaignPhase
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(20);

    public static async Task<CampaignResult> RunAsync(
        LoadOptions options, LoadHosts hosts, LoadEvents events, QueueDrain drain, string run, TextWriter progress, CancellationToken cancellationToken)
    {
        await SeedAsync(hosts.Profiles, events, Enumerable.Range(0, options.Users), progress, "users seeded", cancellationToken);
        await WarmUpAsync(options, hosts, events, drain, run, progress, cancellationToken);

        var audience = 0;
        await foreach (var _ in hosts.Profiles.ListUserIdsAsync(cancellationToken))
        {
            audience++;
        }

        var (campaignId, elapsed, counter) = await RunCampaignAsync(
            options, hosts, drain, run, $"load {run}", "all", audience, drain.BeginPhase, progress, "emails", cancellationToken);
        var fanOut = await FanOutTimeAsync(hosts.StorePath("contentgeneration"), campaignId, cancellationToken);
        return new CampaignResult(audience, counter.Ready, counter.Suppressed, elapsed, fanOut, counter.EmailBytes, counter.Check(audience));
    }

    /// <summary>Users past every measured one get a campaign of their own, and are then removed again.</summary>
    private static async Task WarmUpAsync(
        LoadOptions options, LoadHosts hosts, LoadEvents events, QueueDrain drain, string run, TextWriter progress, CancellationToken cancellationToken)
    {
        var users = Enumerable.Range(options.Users, WarmUpAudience(options)).ToList();
        await SeedAsync(hosts.Profiles, events, users, progress, "warm-up users seeded", cancellationToken);
        var (_, elapsed, _) = await RunCampaignAsync(
            options, hosts, drain, $"{run}-warmup", $"load {run} warm-up", new { userIds = users.Select(LoadEvents.UserId) }, users.Count, static () => { },
            progress, "warm-up emails", cancellationToken);
        progress.WriteLine($"  warm-up campaign to {users.Count:N0} other users done ({users.Count / elapsed.TotalSeconds:N0} emails/s, processes composing for the first time)");

        await Parallel.ForEachAsync(
            users,
            new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken },
            async (n, token) => await hosts.Profiles.RemoveAsync(LoadEvents.UserId(n), token));
    }

    /// <summary>
    /// A quarter of the audience, from 3,000 to 10,000 users: at least 30 pages of 100 commands, so what runs once a
    /// page is called often enough for the JIT to optimise it, and at most a list of ids well inside the 512 kB a
    /// campaign request may hold.
    /// </summary>
    private static int WarmUpAudience(LoadOptions options) => Math.Clamp(options.Users / 4, 3_000, 10_000);

    private static async Task SeedAsync(
        IProfileCache profiles, LoadEvents events, IEnumerable<int> users, TextWriter progress, string what, CancellationToken cancellationToken)
    {
        var list = users.ToList();
        var seeded = 0;
        var now = DateTimeOffset.UtcNow;
        await Parallel.ForEachAsync(
            list,
            new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken },
            async (n, token) =>
            {
                var user = LoadEvents.UserId(n);
                await profiles.WriteSliceAsync(user, new ContactSlice($"{user}@example.com", $"Customer {n}", "United Kingdom", "Europe/London", EmailConsent: true, now), token);
                await profiles.WriteSliceAsync(user, new RecommendationsSlice("load", events.Recommendations(n), now), token);
                Progress.Report(progress, what, Interlocked.Increment(ref seeded), list.Count, 1);
            });
    }

    /// <summary>
    /// One campaign through <c>POST /v1/campaigns</c>, its outcomes counted on a queue of the benchmark's own (named
    /// after <paramref name="counterName"/>): timed from the request (<paramref name="starting"/> runs just before it)
    /// to the last outcome of its <paramref name="expected"/> users, then every queue left to empty.
    /// </summary>
    private static async Task<(string CampaignId, TimeSpan Elapsed, EmailCounter Counter)> RunCampaignAsync(
        LoadOptions options, LoadHosts hosts, QueueDrain drain, string counterName, string name, object audience, int expected, Action starting,
        TextWriter progress, string what, CancellationToken cancellationToken)
    {
        var counter = new EmailCounter(counterName);
        var consumer = await counter.StartAsync(options.RabbitMq, cancellationToken);
        try
        {
            starting();
            var started = Stopwatch.GetTimestamp();
            var campaignId = await RequestCampaignAsync(hosts, name, audience, cancellationToken);
            counter.Expect(campaignId, expected);
            await WaitForOutcomesAsync(counter, expected, started, progress, what, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);
            await drain.WaitAsync(cancellationToken);
            return (campaignId, elapsed, counter);
        }
        finally
        {
            await consumer.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<string> RequestCampaignAsync(LoadHosts hosts, string name, object audience, CancellationToken cancellationToken)
    {
        var window = DateTimeOffset.UtcNow;
        using var response = await hosts.Ingestion(0).PostAsJsonAsync(
            "/v1/campaigns",
            new { name, goal = "Measure the pipeline", audience, controlShare = 0, sendWindow = new { start = window, end = window.AddDays(7) } },
            cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /v1/campaigns answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("campaignId").GetString()!;
    }

    private static async Task WaitForOutcomesAsync(EmailCounter counter, int audience, long started, TextWriter progress, string what, CancellationToken cancellationToken)
    {
        var reported = 0;
        while (!counter.All.IsCompleted)
        {
            if (Stopwatch.GetElapsedTime(started) > Patience)
            {
                throw new TimeoutException($"{counter.Ready:N0} emails and {counter.Suppressed:N0} suppressions of {audience:N0} after {Patience.TotalMinutes} minutes ({what}).");
            }

            var done = counter.Ready + counter.Suppressed;
            Progress.Report(progress, what, done, audience, done - reported);
            reported = done;
            await Task.WhenAny(counter.All, Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken));
        }
    }

    /// <summary>
    /// How long ContentGeneration took to fan the campaign out, from its campaign record: from the request Ingestion
    /// stamped to the moment the last page of commands was published (the campaign's <c>FannedOutAt</c>).
    /// </summary>
    private static async Task<TimeSpan> FanOutTimeAsync(string storePath, string campaignId, CancellationToken cancellationToken)
    {
        using var database = new SqliteDatabase(storePath);
        var record = await new SqliteDocumentStore(database).FindAsync<CampaignRecord>(ContentGenerationNames.CampaignsCollection, campaignId, cancellationToken)
            ?? throw new InvalidOperationException($"ContentGeneration has no record of campaign {campaignId}.");
        return (record.FannedOutAt ?? throw new InvalidOperationException($"Campaign {campaignId} was not fanned out.")) - record.Request.OccurredAt;
    }
}

/// <param name="Elapsed">From the campaign request to the last outcome (email or suppression) of its audience.</param>
/// <param name="FanOut">From the campaign request to its last page of <c>PersonalizeEmails</c> published.</param>
/// <param name="Check">One email per user, none doubled, and the digest a run with another number of replicas must match.</param>
internal sealed record CampaignResult(int Audience, int Emails, int Suppressed, TimeSpan Elapsed, TimeSpan FanOut, int EmailBytes, Consistency Check)
{
    public double EmailsPerSecond => Emails / Elapsed.TotalSeconds;
}
