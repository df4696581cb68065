using System.Buffers;
using System.Net;
using System.Net.Sockets;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace Tailor.Host.Mailbox;

/// <summary>
/// An SMTP server on loopback (the <c>SmtpServer</c> package) that accepts every message for any recipient, without
/// authentication or TLS, and hands it to a <see cref="MailboxFolder"/>: a catch-all inbox for trying a sender locally.
/// </summary>
public sealed class MailboxServer : IAsyncDisposable
{
    // A message bigger than this is refused (552) rather than held in memory: Tailor's emails are a few tens of KB.
    private const int MaxMessageBytes = 25 * 1024 * 1024;

    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop;
    private readonly Task _running;

    private MailboxServer(SmtpServer.SmtpServer server, CancellationTokenSource stop, Task running)
    {
        _server = server;
        _stop = stop;
        _running = running;
    }

    /// <summary>The loopback port it listens on (the chosen one when started on port 0).</summary>
    public int Port { get; private set; }

    /// <summary>Starts listening on 127.0.0.1; a port that is taken fails with an <see cref="ArgumentException"/> naming it.</summary>
    /// <param name="delivered">Called once per message after its files are written.</param>
    /// <param name="failed">Called when a message could not be written; the client is answered 451 and may send it again.</param>
    public static async Task<MailboxServer> StartAsync(
        int port, MailboxFolder folder, Action<MailboxMessage> delivered, Action<Exception> failed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(delivered);
        ArgumentNullException.ThrowIfNull(failed);
        var options = new SmtpServerOptionsBuilder()
            .ServerName("tailor-mailbox")
            .MaxMessageSize(MaxMessageBytes)
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();

        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, started) => listening.TrySetResult(((IPEndPoint)started.LocalEndPoint).Port);
        var services = new SmtpServiceProvider();
        services.Add(listeners);
        services.Add(new FolderStore(folder, delivered, failed));

        var server = new SmtpServer.SmtpServer(options, services);
        var stop = new CancellationTokenSource();
        var running = server.StartAsync(stop.Token);
        var mailbox = new MailboxServer(server, stop, running);
        try
        {
            // The listener either binds (and its port is known) or fails at once (the port is taken).
            if (await Task.WhenAny(listening.Task, running).WaitAsync(cancellationToken) == running)
            {
                await running;
                throw new InvalidOperationException("The SMTP server stopped before it was listening.");
            }
        }
        catch (SocketException exception)
        {
            await mailbox.DisposeAsync();
            throw PortProblem(port, exception);
        }
        catch
        {
            await mailbox.DisposeAsync();
            throw;
        }

        mailbox.Port = await listening.Task;
        return mailbox;
    }

    /// <summary>Stops accepting, lets the sessions in progress finish (a few seconds at most), then returns.</summary>
    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        await _stop.CancelAsync();
        try
        {
            await _server.ShutdownTask.WaitAsync(TimeSpan.FromSeconds(5));
            await _running.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception exception) when (exception is OperationCanceledException or TimeoutException or SocketException)
        {
            // A session still open after the wait is dropped with the process; a listener that never bound has nothing to stop.
        }

        _stop.Dispose();
    }

    private static Exception PortProblem(int port, SocketException exception) => exception.SocketErrorCode switch
    {
        SocketError.AddressAlreadyInUse => new ArgumentException(
            $"mailbox: port {port} on 127.0.0.1 is already in use (another mailbox or SMTP server?). Choose another with --port.", exception),
        SocketError.AccessDenied => new ArgumentException(
            $"mailbox: not allowed to listen on port {port} (ports below 1024 need privileges). Choose another with --port.", exception),
        _ => new IOException($"could not listen on 127.0.0.1:{port}: {exception.Message}", exception),
    };

    private sealed class FolderStore(MailboxFolder folder, Action<MailboxMessage> delivered, Action<Exception> failed) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            MailboxMessage message;
            try
            {
                message = await folder.WriteAsync(
                    transaction.From?.AsAddress() ?? string.Empty, [.. transaction.To.Select(to => to.AsAddress())], buffer, cancellationToken);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // A full disk or a folder removed meanwhile: a transient answer, so the sender keeps the message and retries.
                failed(exception);
                return new SmtpResponse((SmtpReplyCode)451, "4.3.0 The mailbox could not write the message");
            }

            delivered(message);
            return SmtpResponse.Ok;
        }
    }
}
