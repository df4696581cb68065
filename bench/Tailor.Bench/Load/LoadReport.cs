using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Tailor.Bench.Load;

/// <summary>The load run as a markdown section: the headline table with its ratios, then where each phase's time went.</summary>
internal static class LoadReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Markdown(LoadOptions options, LoadResults results)
    {
        var (events, campaign, rawEvents, rawEmails) = (results.Events, results.Campaign, results.RawEvents, results.RawEmails);
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"### Load, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(Invariant, $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; six service hosts, RabbitMQ and Redis on the same machine.");
        text.AppendLine(Invariant, $"Command: `dotnet run -c Release --project bench/Tailor.Bench -- load --events {options.Events} --users {options.Users} --batch {options.Batch} --concurrency {options.Concurrency}`");
        text.AppendLine();
        text.AppendLine("| measure | Tailor | raw broker, same message size | ratio |");
        text.AppendLine("|---|---:|---:|---:|");
        text.AppendLine(Invariant, $"| events through Ingestion to both profile slices ({events.Events:N0} events) | {events.ProfiledPerSecond:N0} events/s | {rawEvents.PerSecond:N0} msgs/s ({rawEvents.Bytes:N0} B) | **{events.ProfiledPerSecond / rawEvents.PerSecond:F2}** |");
        text.AppendLine(Invariant, $"| events accepted by Ingestion (HTTP 200) | {events.AcceptedPerSecond:N0} events/s | | {events.AcceptedPerSecond / rawEvents.PerSecond:F2} |");
        text.AppendLine(Invariant, $"| event-to-profile latency, p50 / p99 | {events.ToProfile.Percentile(50):N0} / {events.ToProfile.Percentile(99):N0} ms | | |");
        text.AppendLine(Invariant, $"| campaign, template composer ({campaign.Audience:N0} users, {campaign.Emails:N0} emails) | {campaign.EmailsPerSecond:N0} emails/s | {rawEmails.PerSecond:N0} msgs/s ({rawEmails.Bytes:N0} B) | **{campaign.EmailsPerSecond / rawEmails.PerSecond:F2}** |");
        text.AppendLine();
        text.AppendLine(Invariant, $"Per slice, request sent to slice written: interests (Embedding) p50 {events.ToInterests.Percentile(50):N0} ms, p99 {events.ToInterests.Percentile(99):N0} ms; send time (SendTime) p50 {events.ToSendTime.Percentile(50):N0} ms, p99 {events.ToSendTime.Percentile(99):N0} ms.");
        text.AppendLine(Invariant, $"Events: accepted in {events.Accepted.TotalSeconds:F1} s, every profile written after {events.Profiled.TotalSeconds:F1} s, every queue empty after {events.Drained.TotalSeconds:F1} s. Campaign: {campaign.Elapsed.TotalSeconds:F1} s, {campaign.Suppressed:N0} suppressed.");
        AppendLoad(text, $"Where the events phase went ({events.Profiled.TotalSeconds:F1} s to the last profile)", results.EventsLoad);
        AppendLoad(text, $"Where the campaign went ({campaign.Elapsed.TotalSeconds:F1} s to the last email)", results.CampaignLoad);
        return text.ToString();
    }

    private static void AppendLoad(StringBuilder text, string title, IReadOnlyList<QueueLoad> loads)
    {
        text.AppendLine();
        text.AppendLine(Invariant, $"{title}: per queue, messages consumed, the time from a message's send to its consumption (mean and worst: the consumer lag), the last consume, the deepest backlog seen (sampled each second) and when the queue was last seen non-empty, in seconds from the phase's start.");
        text.AppendLine();
        text.AppendLine("| service | queue | messages | mean lag | worst lag | last consumed at | max backlog | backlog until |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var load in loads)
        {
            text.AppendLine(Invariant, $"| {load.Service} | {load.Queue} | {load.Consumed?.Messages ?? 0:N0} | {load.Consumed?.MeanLagSeconds ?? 0:F2} s | {load.Consumed?.MaxLagSeconds ?? 0:F2} s | {load.Consumed?.LastAt ?? 0:F1} s | {load.Depth?.Max ?? 0:N0} | {load.Depth?.LastBackedUpAt ?? 0:F1} s |");
        }
    }
}

internal sealed record LoadResults(
    EventsResult Events, CampaignResult Campaign, RawResult RawEvents, RawResult RawEmails, IReadOnlyList<QueueLoad> EventsLoad, IReadOnlyList<QueueLoad> CampaignLoad);
