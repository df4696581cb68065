using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Tailor.Bench;

/// <summary>The results as a markdown section: the machine, the command, the table, and the ratio the target is about.</summary>
internal static class Report
{
    public static string Markdown(BenchOptions options, RunResult http, RunResult raw)
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.AppendLine(invariant, $"### Ingestion throughput, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(invariant, $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}.");
        text.AppendLine(invariant, $"Command: `dotnet run -c Release --project bench/Tailor.Bench -- ingestion --events {options.Events} --batch {options.Batch} --concurrency {options.Concurrency}`");
        text.AppendLine();
        text.AppendLine("| run | events | accepted events/s | p50 request | p99 request | consumed events/s |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var result in new[] { http, raw })
        {
            var p50 = result.Latencies is null ? "–" : $"{result.Latencies.Percentile(50):F1} ms";
            var p99 = result.Latencies is null ? "–" : $"{result.Latencies.Percentile(99):F1} ms";
            text.AppendLine(invariant, $"| {result.Name} | {result.Events:N0} | {result.AcceptedPerSecond:N0} | {p50} | {p99} | {result.ConsumedPerSecond:N0} |");
        }

        text.AppendLine();
        text.AppendLine(invariant, $"Ratio, Ingestion to raw bus: **{http.AcceptedPerSecond / raw.AcceptedPerSecond:F2}** accepted, **{http.ConsumedPerSecond / raw.ConsumedPerSecond:F2}** consumed (target: at least 0.5; Ingestion at least 5,000 events/s).");
        return text.ToString();
    }
}
