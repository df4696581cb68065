using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace Tailor.Host.Mailbox;

/// <summary>
/// Writes each accepted message into one folder: the message exactly as it arrived as <c>{n}-{to}.eml</c> and its HTML
/// part as <c>{n}-{to}.html</c>. Numbers go on from the highest already there, so a restarted mailbox overwrites nothing.
/// </summary>
public sealed partial class MailboxFolder
{
    private const int MaxNameLength = 80;
    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    private int _last;

    public MailboxFolder(DirectoryInfo directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        directory.Create();
        Directory = directory;
        _last = directory.EnumerateFiles("*.eml")
            .Select(file => NumberPrefix().Match(file.Name))
            .Where(match => match.Success)
            .Select(match => int.Parse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0)
            .Max();
    }

    public DirectoryInfo Directory { get; }

    /// <summary>Writes one message; the envelope's recipients name the files, as they are whom it was delivered to.</summary>
    public async Task<MailboxMessage> WriteAsync(
        string envelopeFrom, IReadOnlyList<string> envelopeTo, ReadOnlySequence<byte> raw, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelopeTo);
        var bytes = raw.ToArray();
        using var stream = new MemoryStream(bytes, writable: false);
        var message = await MimeMessage.LoadAsync(stream, cancellationToken);

        var number = Interlocked.Increment(ref _last);
        var stem = $"{number}-{FileSafe(envelopeTo.FirstOrDefault() ?? "unknown")}";
        var eml = new FileInfo(Path.Combine(Directory.FullName, stem + ".eml"));
        await File.WriteAllBytesAsync(eml.FullName, bytes, cancellationToken);

        FileInfo? html = null;
        if (message.HtmlBody is { } body)
        {
            html = new FileInfo(Path.Combine(Directory.FullName, stem + ".html"));
            await File.WriteAllTextAsync(html.FullName, body, Utf8WithoutBom, cancellationToken);
        }

        var from = message.From.Mailboxes.FirstOrDefault()?.Address ?? envelopeFrom;
        return new MailboxMessage(number, from, envelopeTo, message.Subject ?? string.Empty, eml, html);
    }

    // An address may hold characters no file system likes ('/', '\\', ':', '*'); keep the readable ones only.
    private static string FileSafe(string address)
    {
        var name = new StringBuilder(Math.Min(address.Length, MaxNameLength));
        foreach (var c in address.AsSpan(0, Math.Min(address.Length, MaxNameLength)))
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '@' or '.' or '-' or '_' or '+' ? c : '_');
        }

        return name.ToString();
    }

    [GeneratedRegex(@"^(\d{1,9})-")]
    private static partial Regex NumberPrefix();
}
