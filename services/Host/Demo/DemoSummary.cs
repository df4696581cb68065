using System.Text.Json;

namespace Tailor.Host.Demo;

/// <summary>The closing summary, on the console and as <c>summary.json</c> beside the emails.</summary>
public sealed record DemoSummary(
    int Events,
    int Users,
    int Emails,
    IReadOnlyDictionary<string, int> SuppressedByReason,
    long FailedMessages,
    TimeSpan Elapsed,
    DirectoryInfo Output)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public int Suppressed => SuppressedByReason.Values.Sum();

    public void Print(TextWriter console)
    {
        var reasons = SuppressedByReason.Count == 0
            ? string.Empty
            : $" ({string.Join(", ", SuppressedByReason.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}: {r.Value}"))})";
        console.WriteLine();
        console.WriteLine("Tailor demo finished");
        console.WriteLine($"  events     {Events:N0}");
        console.WriteLine($"  users      {Users:N0}");
        console.WriteLine($"  emails     {Emails:N0}");
        console.WriteLine($"  suppressed {Suppressed:N0}{reasons}");
        console.WriteLine($"  failed     {FailedMessages:N0} messages");
        console.WriteLine($"  time       {Elapsed.TotalSeconds:0.0} s");
        console.WriteLine($"  output     {Output.FullName} (index.html, emails.jsonl, suppressed.jsonl, previews/)");
    }

    public Task WriteJsonAsync(CancellationToken cancellationToken)
    {
        var document = new
        {
            events = Events,
            users = Users,
            emails = Emails,
            suppressed = Suppressed,
            suppressedByReason = SuppressedByReason,
            failedMessages = FailedMessages,
            seconds = Math.Round(Elapsed.TotalSeconds, 1),
        };
        return File.WriteAllTextAsync(Path.Combine(Output.FullName, "summary.json"), JsonSerializer.Serialize(document, Json), cancellationToken);
    }
}
