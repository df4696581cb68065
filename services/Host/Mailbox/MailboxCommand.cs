namespace Tailor.Host.Mailbox;

/// <summary>
/// <c>tailor mailbox [--port 2525] [--out ./tailor-mailbox]</c>: a local SMTP server for trying the sample sender with
/// nothing installed. Every message is written to the folder (<c>{n}-{to}.eml</c>, and <c>{n}-{to}.html</c> to open in
/// a browser) and announced with one line; it runs until cancelled (Ctrl+C).
/// </summary>
public static class MailboxCommand
{
    public static async Task<int> RunAsync(MailboxOptions options, TextWriter output, TextWriter errors, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        // Messages arrive on the SMTP server's threads; one line each, never interleaved.
        var console = TextWriter.Synchronized(output);
        var received = 0;
        try
        {
            var folder = new MailboxFolder(options.Output);
            await using var server = await MailboxServer.StartAsync(
                options.Port,
                folder,
                message =>
                {
                    Interlocked.Increment(ref received);
                    console.WriteLine(Describe(message));
                },
                failure => console.WriteLine($"  could not write a message: {failure.Message} (the sender was told to try again)"),
                stopping);
            console.WriteLine($"Mailbox listening on smtp://127.0.0.1:{server.Port} (no TLS, no login), writing to {folder.Directory.FullName}");
            console.WriteLine("Point a sender at it, e.g. --Tailor:SampleSender:Host=127.0.0.1 " +
                $"--Tailor:SampleSender:Port={server.Port} --Tailor:SampleSender:Security=None. Ctrl+C stops.");
            await WaitUntilCancelledAsync(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopped while starting: nothing to report but the stop.
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            // A folder that cannot be made or written, or a socket error other than a taken port: say so, no stack trace.
            await errors.WriteLineAsync($"error: mailbox: {failure.Message}");
            return 1;
        }

        console.WriteLine($"Mailbox stopped: {received} message{(received == 1 ? "" : "s")} received, in {options.Output.FullName}");
        return 0;
    }

    /// <summary>One line per message: its number, from, to, subject and the file to open.</summary>
    public static string Describe(MailboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var file = message.HtmlFile ?? message.EmlFile;
        return $"  #{message.Number}  {message.From} -> {string.Join(", ", message.To)}  \"{message.Subject}\"  {file.FullName}";
    }

    private static async Task WaitUntilCancelledAsync(CancellationToken stopping)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, stopping);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
