using System.Diagnostics;
using System.Text.Json;
using Tailor.Host.Demo;
using Tailor.Testing.Processes;

namespace Tailor.Bench.Load;

/// <summary>
/// <c>bench load</c>: the distributed mode (every service as <c>--replicas</c> processes, real RabbitMQ and Redis)
/// driven with events twice (products new to Embedding, then with the catalog embedded first), then with a campaign,
/// then the raw broker at the same message sizes, all in one run so the ratios compare like with like.
/// </summary>
internal static class LoadRun
{
    public static async Task<LoadResults> RunAsync(LoadOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var events = LoadEvents.FromSample();
        progress.WriteLine($"Load benchmark {run}: {options.Events:N0} events twice, then a campaign to {options.Users:N0} users; {options.Replicas} process(es) per service; RabbitMQ {new Uri(options.RabbitMq).Authority}{new Uri(options.RabbitMq).AbsolutePath}, Redis {options.Redis}, {events.ProductCount:N0} products");
        var hosts = await LoadHosts.StartAsync(options, run, progress, cancellationToken);
        await using (hosts)
        {
            try
            {
                return await RunPhasesAsync(options, hosts, events, run, progress, cancellationToken);
            }
            catch (Exception) when (WriteLogs(hosts, progress))
            {
                throw; // not reached: the filter prints the processes' logs and lets the failure through
            }
        }
    }

    private static async Task<LoadResults> RunPhasesAsync(
        LoadOptions options, LoadHosts hosts, LoadEvents events, string run, TextWriter progress, CancellationToken cancellationToken)
    {
        await using var profiles = await ProfileWriteClock.StartAsync(options.Redis, hosts.Redis, hosts.KeyPrefix, progress);

        // Every service queue exists once the processes are ready; each is sampled once a second.
        var queues = (await RabbitMqQueues.ListAsync(options.RabbitMq)).Keys.Where(queue => queue.StartsWith("tailor-", StringComparison.Ordinal)).ToList();
        await using var sampler = new QueueSampler(new Uri(options.RabbitMq), () => queues);
        sampler.Start();
        var drain = new QueueDrain(options.RabbitMq, sampler, hosts);

        progress.WriteLine($"Phase 1: events through POST /v1/batch, products new to Embedding ({options.Batch} per request, {options.Concurrency} at a time)");
        var newTexts = await EventsPhase.RunAsync("products new to Embedding", 0, options.FirstWarmUpUsers, options, hosts, events, profiles, drain, run, progress, cancellationToken);
        var newTextsLoad = drain.Snapshot();
        Report(progress, newTexts);

        progress.WriteLine($"Phase 2: the catalog ({events.ProductCount:N0} items) through POST /v1/catalog, then events of other users buying the same products");
        var catalogClock = Stopwatch.StartNew();
        await new IngestionClient(hosts.Ingestion(0), hosts.ApiKey.Key).SendCatalogAsync(events.Catalog(), _ => { }, cancellationToken);
        await drain.WaitAsync(cancellationToken); // every item embedded and stored by Embedding
        progress.WriteLine($"  catalog embedded after {catalogClock.Elapsed.TotalSeconds:F1} s");
        var catalogEmbedded = await EventsPhase.RunAsync("catalog embedded beforehand", options.Events, options.CatalogWarmUpUsers, options, hosts, events, profiles, drain, run, progress, cancellationToken);
        var catalogEmbeddedLoad = drain.Snapshot();
        Report(progress, catalogEmbedded);
        var learnt = await ReplicaCheck.ProfilesAsync(hosts.Profiles, 2 * options.Events, cancellationToken);

        progress.WriteLine("Before the campaign: Topic and Recommendation train on what the events phases brought");
        await TrainingSettle.RunAsync(options.RabbitMq, run, progress, cancellationToken);
        await drain.WaitAsync(cancellationToken); // what the trainings published (new lists, topics) is handled too

        progress.WriteLine($"Phase 3: a campaign to {options.Users:N0} users");
        var campaign = await CampaignPhase.RunAsync(options, hosts, events, drain, run, progress, cancellationToken);
        var campaignLoad = drain.Snapshot();
        progress.WriteLine($"  {campaign.EmailsPerSecond:N0} emails/s");
        progress.WriteLine($"Replicas check ({options.Replicas} per service): profiles {learnt.Digest}, {learnt.Missing} missing, {learnt.Wrong} miscounted; emails {campaign.Check.Digest}, {campaign.Check.Missing} missing, {campaign.Check.Wrong} doubled, {campaign.Suppressed} suppressed");
        await hosts.StopAsync();

        progress.WriteLine("Phase 4: the raw broker at the same message sizes (Tailor's processes stopped)");
        var activityBytes = JsonSerializer.SerializeToUtf8Bytes(events.Activity(0)).Length;
        var rawEvents = await RawProbeRun.RunAsync(options, "raw, event size", options.Events, activityBytes, $"{run}-events", progress, cancellationToken);
        var rawEmails = await RawProbeRun.RunAsync(options, "raw, email size", Math.Max(campaign.Emails, options.Batch), campaign.EmailBytes, $"{run}-emails", progress, cancellationToken);
        return new LoadResults([newTexts, catalogEmbedded], campaign, rawEvents, rawEmails, [newTextsLoad, catalogEmbeddedLoad], campaignLoad, learnt);
    }

    private static void Report(TextWriter progress, EventsResult result) =>
        progress.WriteLine($"  {result.ProfiledPerSecond:N0} events/s to profile, p50 {result.ToProfile.Percentile(50):N0} ms, p99 {result.ToProfile.Percentile(99):N0} ms");

    private static bool WriteLogs(LoadHosts hosts, TextWriter progress)
    {
        progress.WriteLine(hosts.LogTails());
        return false;
    }
}
