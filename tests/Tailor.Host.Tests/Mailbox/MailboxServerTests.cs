using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using Tailor.Host.Mailbox;

namespace Tailor.Host.Tests.Mailbox;

/// <summary>The mailbox's SMTP server over real loopback SMTP, sent to with MailKit, and the files it writes.</summary>
public sealed class MailboxServerTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("tailor-mailbox-");
    private readonly ConcurrentQueue<MailboxMessage> _delivered = new();
    private readonly ConcurrentQueue<Exception> _failures = new();

    [Fact]
    public async Task A_message_sent_with_MailKit_is_written_as_eml_and_its_html_part_as_html()
    {
        await using var server = await StartAsync(port: 0);
        var sent = SmtpTestClient.Message("ada@example.com", "New picks for you, Ada", "<!DOCTYPE html><html><body><p>Für Ada: £2.55</p></body></html>");

        var reply = await SmtpTestClient.SendAsync(server.Port, sent);

        Assert.StartsWith("Ok", reply, StringComparison.OrdinalIgnoreCase);
        var message = Assert.Single(_delivered);
        Assert.Empty(_failures);
        Assert.Equal(1, message.Number);
        Assert.Equal("shop@example.com", message.From);
        Assert.Equal(["ada@example.com"], message.To);
        Assert.Equal("New picks for you, Ada", message.Subject);
        Assert.Equal(Path.Combine(_folder.FullName, "1-ada@example.com.eml"), message.EmlFile.FullName);
        Assert.Equal(Path.Combine(_folder.FullName, "1-ada@example.com.html"), message.HtmlFile?.FullName);

        // The .eml is the message as delivered, headers and both bodies; the .html the HTML part alone, in UTF-8.
        var stored = await MimeMessage.LoadAsync(message.EmlFile.FullName, TestContext.Current.CancellationToken);
        Assert.Equal(sent.MessageId, stored.MessageId);
        Assert.Equal("List-Unsubscribe=One-Click", stored.Headers["List-Unsubscribe-Post"]);
        Assert.Equal(sent.TextBody, stored.TextBody);
        Assert.Equal(sent.HtmlBody, stored.HtmlBody);
        Assert.Equal(sent.HtmlBody, await File.ReadAllTextAsync(message.HtmlFile!.FullName, TestContext.Current.CancellationToken));
        Assert.Equal([.. "<!DOCTYPE"u8], (await File.ReadAllBytesAsync(message.HtmlFile.FullName, TestContext.Current.CancellationToken)).Take(9));
    }

    [Fact]
    public async Task A_text_only_message_is_written_as_eml_alone()
    {
        await using var server = await StartAsync(port: 0);

        await SmtpTestClient.SendAsync(server.Port, SmtpTestClient.Message("grace@example.com", "Plain", html: null));

        var message = Assert.Single(_delivered);
        Assert.Null(message.HtmlFile);
        Assert.Equal(["1-grace@example.com.eml"], _folder.GetFiles().Select(file => file.Name));
    }

    [Fact]
    public async Task Numbers_go_on_from_the_files_already_in_the_folder_and_odd_addresses_make_safe_names()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder.FullName, "7-earlier@example.com.eml"), "kept", TestContext.Current.CancellationToken);
        await using var server = await StartAsync(port: 0);

        await SmtpTestClient.SendAsync(server.Port, SmtpTestClient.Message("team/sales@example.com", "One", "<p>1</p>"));
        await SmtpTestClient.SendAsync(server.Port, SmtpTestClient.Message("ada@example.com", "Two", "<p>2</p>"));

        Assert.Equal([8, 9], _delivered.Select(message => message.Number));
        Assert.Equal("kept", await File.ReadAllTextAsync(Path.Combine(_folder.FullName, "7-earlier@example.com.eml"), TestContext.Current.CancellationToken));
        // A '/' in the address would name a folder that is not there: it becomes '_'.
        var odd = _delivered.First();
        Assert.Equal(["team/sales@example.com"], odd.To);
        Assert.Equal("8-team_sales@example.com.eml", odd.EmlFile.Name);
        Assert.Equal(_folder.FullName, odd.EmlFile.DirectoryName);
        Assert.True(odd.EmlFile.Exists);
    }

    [Fact]
    public async Task A_port_in_use_fails_naming_the_port_and_the_option()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => StartAsync(port));

        Assert.Contains($"port {port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("already in use", error.Message, StringComparison.Ordinal);
        Assert.Contains("--port", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private Task<MailboxServer> StartAsync(int port) =>
        MailboxServer.StartAsync(port, new MailboxFolder(_folder), _delivered.Enqueue, _failures.Enqueue, TestContext.Current.CancellationToken);
}
