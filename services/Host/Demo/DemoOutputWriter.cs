using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using Tailor.Contracts;

namespace Tailor.Host.Demo;

/// <summary>
/// Writes what a sender would receive: <c>emails.jsonl</c> (one <see cref="EmailReady"/> per line, the JSON senders
/// read from RabbitMQ), <c>suppressed.jsonl</c>, and an HTML preview per email under <c>previews/</c>.
/// </summary>
public sealed class DemoOutputWriter : IDisposable
{
    // The files are read as JSON, never embedded in a page, so HTML characters in the bodies stay readable.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Lock _gate = new();
    private readonly StreamWriter _emails;
    private readonly StreamWriter _suppressed;
    private readonly DirectoryInfo _output;
    private readonly ConcurrentDictionary<string, int> _suppressedByReason = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, bool> _written = new();
    private readonly ConcurrentQueue<EmailReady> _emailsWritten = new();
    private int _emailCount;

    public DemoOutputWriter(DirectoryInfo output)
    {
        output.Create();
        _output = output;
        output.CreateSubdirectory("previews");
        _emails = new StreamWriter(Path.Combine(output.FullName, "emails.jsonl"));
        _suppressed = new StreamWriter(Path.Combine(output.FullName, "suppressed.jsonl"));
    }

    public int EmailCount => Volatile.Read(ref _emailCount);

    public int SuppressedCount => _suppressedByReason.Values.Sum();

    public IReadOnlyDictionary<string, int> SuppressedByReason => _suppressedByReason;

    /// <summary>The emails written so far, for the gallery; their bodies are left out (they are in the previews).</summary>
    public IReadOnlyCollection<EmailReady> Emails => _emailsWritten;

    /// <summary>Where an email's HTML preview is, relative to the output folder (and so to <c>index.html</c>).</summary>
    public static string PreviewPath(string userId) => $"previews/{SafeFileName(userId)}.html";

    /// <summary>Writes the email once: a redelivered message (same <c>EventId</c>) adds no second line.</summary>
    public async Task WriteAsync(EmailReady email, CancellationToken cancellationToken)
    {
        if (!_written.TryAdd(email.EventId, true))
        {
            return;
        }

        var preview = Path.Combine(_output.FullName, PreviewPath(email.UserId));
        await File.WriteAllTextAsync(preview, email.HtmlBody, cancellationToken);
        lock (_gate)
        {
            _emails.WriteLine(JsonSerializer.Serialize(email, Json));
        }

        _emailsWritten.Enqueue(email with { HtmlBody = string.Empty, TextBody = string.Empty });
        Interlocked.Increment(ref _emailCount);
    }

    public void Write(EmailSuppressed suppressed)
    {
        if (!_written.TryAdd(suppressed.EventId, true))
        {
            return;
        }

        lock (_gate)
        {
            _suppressed.WriteLine(JsonSerializer.Serialize(suppressed, Json));
        }

        _suppressedByReason.AddOrUpdate(suppressed.Reason, 1, (_, count) => count + 1);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _emails.Dispose();
            _suppressed.Dispose();
        }
    }

    private static string SafeFileName(string userId) =>
        string.Concat(userId.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
