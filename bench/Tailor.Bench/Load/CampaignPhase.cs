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
internal static class CampaignPhase
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(20);

    public static async Task<CampaignResult> RunAsync(
        LoadOptions options, LoadHosts hosts, LoadEvents events, QueueDrain drain, string run, TextWriter progress, CancellationToken cancellationToken)
    {
        var contacts = hosts.Profiles;
        var recommendations = hosts.Profiles;
        var seeded = 0;
        var now = DateTimeOffset.UtcNow;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, options.Users),
            new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken },
            async (n, token) =>
            {
                var user = LoadEvents.UserId(n);
                await contacts.WriteSliceAsync(user, new ContactSlice($"{user}@example.com", $"Customer {n}", "United Kingdom", "Europe/London", EmailConsent: true, now), token);
                await recommendations.WriteSliceAsync(user, new RecommendationsSlice("load", events.Recommendations(n), now), token);
                Progress.Report(progress, "users seeded", Interlocked.Increment(ref seeded), options.Users, 1);
            });

        var audience = 0;
        await foreach (var _ in contacts.ListUserIdsAsync(cancellationToken))
        {
            audience++;
        }

        var counter = new EmailCounter(run);
        var consumer = await counter.StartAsync(options.RabbitMq, cancellationToken);
        try
        {
            var http = hosts.Ingestion(0);
            drain.BeginPhase();
            var started = Stopwatch.GetTimestamp();
            var window = DateTimeOffset.UtcNow;
            using var response = await http.PostAsJsonAsync(
                "/v1/campaigns",
                new { name = $"load {run}", goal = "Measure the pipeline", audience = "all", controlShare = 0, sendWindow = new { start = window, end = window.AddDays(7) } },
                cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"POST /v1/campaigns answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }

            var campaignId = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("campaignId").GetString()!;
            counter.Expect(campaignId, audience);
            var reported = 0;
            while (!counter.All.IsCompleted)
            {
                if (Stopwatch.GetElapsedTime(started) > Patience)
                {
                    throw new TimeoutException($"{counter.Ready:N0} emails and {counter.Suppressed:N0} suppressions of {audience:N0} after {Patience.TotalMinutes} minutes.");
                }

                var done = counter.Ready + counter.Suppressed;
                Progress.Report(progress, "emails", done, audience, done - reported);
                reported = done;
                await Task.WhenAny(counter.All, Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken));
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            await drain.WaitAsync(cancellationToken);
            var fanOut = await FanOutTimeAsync(hosts.StorePath("contentgeneration"), campaignId, cancellationToken);
            return new CampaignResult(audience, counter.Ready, counter.Suppressed, elapsed, fanOut, counter.EmailBytes, counter.Check(audience));
        }
        finally
        {
            await consumer.StopAsync(CancellationToken.None);
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
