using System.Text;
using Tailor.Host.Mailbox;
using Tailor.Testing;

namespace Tailor.Host.Tests.Mailbox;

/// <summary><c>tailor mailbox</c> as a user runs it: it says where it listens, prints a line per message, and stops on Ctrl+C.</summary>
public sealed class MailboxCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("tailor-mailbox-command-");

    [Fact]
    public async Task It_prints_where_it_listens_then_one_line_per_message_and_stops_cleanly_when_cancelled()
    {
        var port = FreePorts.Next();
        var output = new SharedWriter();
        var errors = new SharedWriter();
        using var stop = new CancellationTokenSource();
        var running = MailboxCommand.RunAsync(new MailboxOptions(port, _folder), output, errors, stop.Token);
        await WaitForAsync(output, $"smtp://127.0.0.1:{port}");

        await SmtpTestClient.SendAsync(port, SmtpTestClient.Message("ada@example.com", "New picks for you, Ada", "<p>Hi</p>"));
        await WaitForAsync(output, "#1");
        await stop.CancelAsync();
        var exitCode = await running.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        Assert.Empty(errors.ToString());
        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"Mailbox listening on smtp://127.0.0.1:{port} (no TLS, no login), writing to {_folder.FullName}", lines[0]);
        Assert.Contains($"--Tailor:SampleSender:Port={port} --Tailor:SampleSender:Security=None", lines[1], StringComparison.Ordinal);
        Assert.Equal(
            $"  #1  shop@example.com -> ada@example.com  \"New picks for you, Ada\"  {Path.Combine(_folder.FullName, "1-ada@example.com.html")}",
            lines[2]);
        Assert.Equal($"Mailbox stopped: 1 message received, in {_folder.FullName}", lines[^1]);
        Assert.Equal(["1-ada@example.com.eml", "1-ada@example.com.html"], _folder.GetFiles().Select(file => file.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_out_folder_it_cannot_make_is_an_error_naming_it_with_exit_code_1()
    {
        var blocker = Path.Combine(_folder.FullName, "a-file");
        await File.WriteAllTextAsync(blocker, "not a folder", TestContext.Current.CancellationToken);
        var output = new SharedWriter();
        var errors = new SharedWriter();

        var exitCode = await MailboxCommand.RunAsync(
            new MailboxOptions(0, new DirectoryInfo(Path.Combine(blocker, "mail"))), output, errors, TestContext.Current.CancellationToken);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("error: mailbox: ", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains(blocker, errors.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>Written by the mailbox's SMTP threads while the test reads it.</summary>
    private sealed class SharedWriter : TextWriter
    {
        private readonly StringBuilder _text = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_text)
            {
                _text.Append(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_text)
            {
                _text.Append(value);
            }
        }

        public override string ToString()
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    private static async Task WaitForAsync(SharedWriter output, string text)
    {
        Assert.True(
            await Polling.WithinAsync(() => output.ToString().Contains(text, StringComparison.Ordinal), TimeSpan.FromSeconds(15)),
            $"The mailbox did not print '{text}'; it printed:\n{output}");
    }
}
