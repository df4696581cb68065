using System.Globalization;

namespace Tailor.Host.Mailbox;

/// <summary>Where the mailbox listens and writes; parsed from <c>tailor mailbox [--port N] [--out DIR]</c>.</summary>
/// <param name="Port">The loopback port to accept SMTP on; 0 takes any free one (printed at start).</param>
public sealed record MailboxOptions(int Port, DirectoryInfo Output)
{
    public const int DefaultPort = 2525;

    public const string Usage = "Options: --port N (default 2525; 0 for any free port), --out DIR (default ./tailor-mailbox).";

    public static MailboxOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var port = DefaultPort;
        var output = new DirectoryInfo(Path.GetFullPath("tailor-mailbox"));
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--port" when value is not null:
                    port = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed <= 65535
                        ? parsed
                        : throw new ArgumentException($"mailbox: --port must be a number from 0 to 65535, not '{value}'.");
                    i++;
                    break;
                case "--out" when !string.IsNullOrWhiteSpace(value):
                    output = new DirectoryInfo(Path.GetFullPath(value));
                    i++;
                    break;
                default:
                    throw new ArgumentException($"mailbox: unknown or incomplete option '{args[i]}'. {Usage}");
            }
        }

        if (File.Exists(output.FullName))
        {
            throw new ArgumentException($"mailbox: --out '{output.FullName}' is a file; name a folder.");
        }

        return new MailboxOptions(port, output);
    }
}
