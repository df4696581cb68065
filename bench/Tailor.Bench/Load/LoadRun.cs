using System.Text.Json;

namespace Tailor.Bench.Load;

/// <summary>
/// <c>bench load</c>: the distributed mode (six hosts, real RabbitMQ and Redis) driven with events, then with a campaign,
/// then the raw broker at the same message sizes, all in one run so the ratios compare like with like.
/// </summary>
internal static class LoadRun
{
    public static Task<LoadResults> RunAsync(LoadOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        // MassTransit keeps ambient log state per flow; the hosts get a flow of their own, as the end-to-end tests do.
        using (ExecutionContext.SuppressFlow())
        {
            return Task.Run(() => RunIsolatedAsync(options, progress, cancellationToken), cancellationToken);
        }
    }

    private static async Task<LoadResults> RunIsolatedAsync(LoadOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var events = LoadEvents.FromSample();
        var profiles = new ProfileWriteClock();
        using var meter = new ConsumerMeter();
        progress.WriteLine($"Load benchmark {run}: {options.Events:N0} events, then a campaign to {options.Users:N0} users; RabbitMQ {new Uri(options.RabbitMq).Authority}{new Uri(options.RabbitMq).AbsolutePath}, Redis {options.Redis}, {events.ProductCount:N0} products");
        var hosts = LoadHosts.Build(options, run, profiles, Math.Max(options.Batch, 1000));
        await using (hosts)
        {
            await hosts.StartAsync(cancellationToken);
            // The queues to watch are the ones messages arrive on; the warm-up brings each phase's queues in.
            await using var sampler = new QueueSampler(new Uri(options.RabbitMq), () => meter.ServiceQueues);
            sampler.Start();
            var drain = new QueueDrain(sampler, meter);
            progress.WriteLine($"Phase 1: events through POST /v1/batch ({options.Batch} per request, {options.Concurrency} at a time)");
            var eventsResult = await EventsPhase.RunAsync(options, hosts, events, profiles, drain, run, progress, cancellationToken);
            var eventsLoad = drain.Snapshot();
            progress.WriteLine($"  {eventsResult.ProfiledPerSecond:N0} events/s to profile, p50 {eventsResult.ToProfile.Percentile(50):N0} ms, p99 {eventsResult.ToProfile.Percentile(99):N0} ms");

            progress.WriteLine($"Phase 2: a campaign to {options.Users:N0} users");
            var campaign = await CampaignPhase.RunAsync(options, hosts, events, drain, run, progress, cancellationToken);
            var campaignLoad = drain.Snapshot();
            progress.WriteLine($"  {campaign.EmailsPerSecond:N0} emails/s");
            await hosts.StopAsync();

            progress.WriteLine("Phase 3: the raw broker at the same message sizes (Tailor's hosts stopped)");
            var activityBytes = JsonSerializer.SerializeToUtf8Bytes(events.Activity(0)).Length;
            var rawEvents = await RawProbeRun.RunAsync(options, "raw, event size", options.Events, activityBytes, $"{run}-events", progress, cancellationToken);
            var rawEmails = await RawProbeRun.RunAsync(options, "raw, email size", Math.Max(campaign.Emails, options.Batch), campaign.EmailBytes, $"{run}-emails", progress, cancellationToken);
            return new LoadResults(eventsResult, campaign, rawEvents, rawEmails, eventsLoad, campaignLoad);
        }
    }
}
