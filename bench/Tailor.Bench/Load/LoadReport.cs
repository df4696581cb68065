using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Tailor.Host.Hosting;

namespace Tailor.Bench.Load;

/// <summary>
/// The load run as a markdown section: the headline table with its ratios, the CPU each service spent per thousand
/// events and emails, the replicas check, then where each phase's time went.
/// </summary>
internal static class LoadReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Markdown(LoadOptions options, LoadResults results)
    {
        var (campaign, rawEvents, rawEmails) = (results.Campaign, results.RawEvents, results.RawEmails);
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"### Load, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(Invariant, $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; {options.Replicas} process(es) of each of the six services, RabbitMQ and Redis on the same machine.");
        text.AppendLine(Invariant, $"Command: `dotnet run -c Release --project bench/Tailor.Bench -- load --events {options.Events} --users {options.Users} --batch {options.Batch} --concurrency {options.Concurrency} --replicas {options.Replicas}`");
        text.AppendLine();
        text.AppendLine("| measure | Tailor | raw broker, same message size | ratio |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var events in results.Events)
        {
            text.AppendLine(Invariant, $"| events through Ingestion to both profile slices, {events.Name} ({events.Events:N0} events) | {events.ProfiledPerSecond:N0} events/s | {rawEvents.PerSecond:N0} msgs/s ({rawEvents.Bytes:N0} B) | **{events.ProfiledPerSecond / rawEvents.PerSecond:F2}** |");
            text.AppendLine(Invariant, $"| events accepted by Ingestion (HTTP 200), {events.Name} | {events.AcceptedPerSecond:N0} events/s | | {events.AcceptedPerSecond / rawEvents.PerSecond:F2} |");
            text.AppendLine(Invariant, $"| event-to-profile latency, p50 / p99, {events.Name} | {events.ToProfile.Percentile(50):N0} / {events.ToProfile.Percentile(99):N0} ms | | |");
        }

        text.AppendLine(Invariant, $"| campaign, template composer ({campaign.Audience:N0} users, {campaign.Emails:N0} emails) | {campaign.EmailsPerSecond:N0} emails/s | {rawEmails.PerSecond:N0} msgs/s ({rawEmails.Bytes:N0} B) | **{campaign.EmailsPerSecond / rawEmails.PerSecond:F2}** |");
        text.AppendLine();
        foreach (var events in results.Events)
        {
            text.AppendLine(Invariant, $"Events, {events.Name}: per slice, request sent to slice written: interests (Embedding) p50 {events.ToInterests.Percentile(50):N0} ms, p99 {events.ToInterests.Percentile(99):N0} ms; send time (SendTime) p50 {events.ToSendTime.Percentile(50):N0} ms, p99 {events.ToSendTime.Percentile(99):N0} ms. Accepted in {events.Accepted.TotalSeconds:F1} s, every profile written after {events.Profiled.TotalSeconds:F1} s, every queue empty after {events.Drained.TotalSeconds:F1} s.");
        }

        text.AppendLine(Invariant, $"Raw broker: the median of {RawProbeRun.Rounds} rounds of each size on the same buses; event size {rawEvents.SlowestPerSecond:N0} to {rawEvents.FastestPerSecond:N0} msgs/s, email size {rawEmails.SlowestPerSecond:N0} to {rawEmails.FastestPerSecond:N0} msgs/s.");
        text.AppendLine(Invariant, $"Campaign: {campaign.Elapsed.TotalSeconds:F1} s, {campaign.Suppressed:N0} suppressed; fanned out to {campaign.Audience:N0} users in {campaign.FanOut.TotalSeconds:F1} s ({campaign.Audience / campaign.FanOut.TotalSeconds:N0} commands/s, one consumer).");
        AppendCpu(text, results);
        text.AppendLine();
        text.AppendLine(Invariant, $"Replicas check: the profiles of the {results.Profiles.Users:N0} events-phase users (digest `{results.Profiles.Digest}`; {results.Profiles.Missing} without both slices, {results.Profiles.Wrong} with an evidence count other than their one event) and the campaign's outcomes, emails and suppressions (digest `{campaign.Check.Digest}`; {campaign.Check.Missing} users without one, {campaign.Check.Wrong} with two). Runs of the same sizes with any `--replicas` must print the same digests.");
        for (var phase = 0; phase < results.Events.Count; phase++)
        {
            AppendLoad(text, $"Where the events phase went, {results.Events[phase].Name} ({results.Events[phase].Profiled.TotalSeconds:F1} s to the last profile)", results.EventsLoad[phase]);
        }

        AppendLoad(text, $"Where the campaign went ({campaign.Elapsed.TotalSeconds:F1} s to the last email)", results.CampaignLoad);
        return text.ToString();
    }

    private static void AppendCpu(StringBuilder text, LoadResults results)
    {
        text.AppendLine();
        text.AppendLine("CPU seconds each service's processes used (all replicas together, user and system time) per 1,000 events of each events phase and per 1,000 emails of the campaign, from the start of the phase until every queue was empty again:");
        text.AppendLine();
        text.AppendLine(string.Concat("| service | ", string.Concat(results.Events.Select(events => $"per 1,000 events, {events.Name} | ")), "per 1,000 emails |"));
        text.AppendLine(string.Concat("|---|", string.Concat(results.Events.Select(_ => "---:|")), "---:|"));
        foreach (var service in ServiceTargets.Names.Append("all"))
        {
            var row = new StringBuilder($"| {service} | ");
            for (var phase = 0; phase < results.Events.Count; phase++)
            {
                row.Append(Invariant, $"{PerThousand(results.EventsLoad[phase], service, results.Events[phase].Events):F2} | ");
            }

            row.Append(Invariant, $"{PerThousand(results.CampaignLoad, service, Math.Max(1, results.Campaign.Emails)):F2} |");
            text.AppendLine(row.ToString());
        }
    }

    private static double PerThousand(PhaseLoad load, string service, int units) =>
        (service == "all" ? load.CpuSeconds.Values.Sum() : load.CpuSeconds.GetValueOrDefault(service)) * 1000 / units;

    private static void AppendLoad(StringBuilder text, string title, PhaseLoad load)
    {
        text.AppendLine();
        text.AppendLine(Invariant, $"{title}: per queue that backed up, the deepest backlog seen (ready messages, sampled each second) and when the queue was last seen non-empty, in seconds from the phase's start.");
        text.AppendLine();
        text.AppendLine("| service | queue | max backlog | backlog until |");
        text.AppendLine("|---|---|---:|---:|");
        foreach (var queue in load.Queues)
        {
            text.AppendLine(Invariant, $"| {queue.Service} | {queue.Queue} | {queue.Depth.Max:N0} | {queue.Depth.LastBackedUpAt:F1} s |");
        }
    }
}

/// <param name="Events">The events phases: products new to Embedding, then the catalog embedded beforehand.</param>
/// <param name="EventsLoad">Where each events phase went, in the order of <paramref name="Events"/>.</param>
/// <param name="Profiles">The events-phase users' profiles: nothing lost or doubled, and their digest.</param>
internal sealed record LoadResults(
    IReadOnlyList<EventsResult> Events,
    CampaignResult Campaign,
    RawResult RawEvents,
    RawResult RawEmails,
    IReadOnlyList<PhaseLoad> EventsLoad,
    PhaseLoad CampaignLoad,
    Consistency Profiles);
