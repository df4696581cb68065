using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using Tailor.Testing;
using SmtpServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace Tailor.SampleSender.Tests;

/// <summary>
/// A real SMTP server in the test process (the <c>SmtpServer</c> package) on a loopback port: it keeps every message it
/// accepted, can refuse recipients with 550, and can answer the first transactions with 451.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    /// <summary>The text of the 451 the server answers the transactions the test asked it to fail.</summary>
    public const string TransientReplyText = "4.3.0 Try again later (a failure the test asked for)";

    private readonly ConcurrentQueue<Received> _received = new();
    private readonly CancellationTokenSource _stop = new();
    private SmtpServer.SmtpServer? _server;
    private Task? _running;
    private int _transientFailuresLeft;
    private int _recipientChecks;
    private int _transactions;

    private TestSmtpServer(int port) => Port = port;

    public int Port { get; }

    /// <summary>Recipients whose mailbox the server refuses (550, quoting the address).</summary>
    public HashSet<string> RefusedRecipients { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<Received> Messages => [.. _received];

    /// <summary>How many RCPT TO commands the server answered, accepted or not.</summary>
    public int RecipientChecks => Volatile.Read(ref _recipientChecks);

    /// <summary>How many message bodies (DATA) the server was handed, accepted or not.</summary>
    public int Transactions => Volatile.Read(ref _transactions);

    /// <summary>A port no one listens on yet: for a server that is down until <see cref="StartAsync"/>.</summary>
    public static TestSmtpServer OnFreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new TestSmtpServer(port);
    }

    public static async Task<TestSmtpServer> StartNewAsync(int transientFailures = 0)
    {
        var server = OnFreePort();
        server._transientFailuresLeft = transientFailures;
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("smtp.test")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServiceProvider();
        services.Add(new Store(this));
        services.Add(new Filter(this));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);

        // Listening once a connection is taken.
        async Task<bool> AcceptsAsync()
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, TestContext.Current.CancellationToken);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }

        Assert.True(await Polling.WithinAsync(AcceptsAsync, TimeSpan.FromSeconds(10)), $"The test SMTP server on port {Port} did not accept connections.");
    }

    /// <summary>Waits until the server has accepted <paramref name="count"/> messages (or 30 s pass) and returns them.</summary>
    public async Task<IReadOnlyList<Received>> WaitForMessagesAsync(int count)
    {
        await Polling.WithinAsync(() => _received.Count >= count);
        Assert.True(_received.Count >= count, $"The SMTP server received {_received.Count} messages, expected {count}.");
        return Messages;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            _server.Shutdown();
            await _stop.CancelAsync();
            try
            {
                await _server.ShutdownTask.WaitAsync(TimeSpan.FromSeconds(5));
                await _running!.WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (OperationCanceledException)
            {
            }
        }

        _stop.Dispose();
    }

    /// <summary>One accepted message: the SMTP envelope, the parsed MIME message and the bytes as they came over DATA.</summary>
    public sealed record Received(string MailFrom, IReadOnlyList<string> RcptTo, MimeMessage Message, byte[] Raw);

    private sealed class Store(TestSmtpServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref owner._transactions);
            if (Interlocked.Decrement(ref owner._transientFailuresLeft) >= 0)
            {
                return new SmtpResponse((SmtpReplyCode)451, TransientReplyText);
            }

            var raw = buffer.ToArray();
            using var stream = new MemoryStream(raw);
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            owner._received.Enqueue(new Received(
                transaction.From.AsAddress(), [.. transaction.To.Select(to => to.AsAddress())], message, raw));
            return SmtpResponse.Ok;
        }
    }

    private sealed class Filter(TestSmtpServer owner) : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref owner._recipientChecks);
            var address = to.AsAddress();
            // Refused in Postfix's words, which quote the recipient: what the sender must not pass on as it came.
            return owner.RefusedRecipients.Contains(address)
                ? throw new SmtpResponseException(new SmtpResponse((SmtpReplyCode)550, $"5.1.1 <{address}>: Recipient address rejected: User unknown"))
                : Task.FromResult(true);
        }
    }
}
