using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using RabbitMQ.Client;
using Tailor.SampleSender.Consumers;
using Tailor.SampleSender.Delivery;
using Tailor.Testing;

namespace Tailor.SampleSender.Tests;

/// <summary>
/// The sender alone on a real RabbitMQ, as <c>serve --target sender</c> runs it, with nothing listening on its SMTP
/// port: what an operator reads in the log, and where the email ends up.
/// </summary>
public sealed class SmtpDownOnRabbitMqTests
{
    [Fact]
    public async Task A_refused_connection_logs_one_line_per_attempt_without_a_stack_and_faults_the_email_to_the_error_queue()
    {
        var rabbitMq = TestInfrastructure.RequireRabbitMq();
        var ct = TestContext.Current.CancellationToken;
        await using var vhost = await RabbitMqVirtualHost.CreateAsync(rabbitMq);
        // On the shared virtual host the sender's queues are every test's: this test could take another's faulted email
        // from the _error queue, or leave its own for the next.
        Assert.SkipUnless(vhost.IsOwn, "A virtual host of the test's own is needed (rabbitmqctl on the broker's machine).");
        await using var broker = await RabbitMqBroker.ConnectAsync(vhost.AmqpUri, ct);

        var down = TestSmtpServer.OnFreePort();
        var logs = new FakeLogCollector();
        await using var host = await HostedSender.StartAsync(
            down.Port,
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:rabbitmq"] = vhost.AmqpUri,
                // Not parked for a later attempt: the email faults once the endpoint's immediate retries are spent.
                ["Tailor:SampleSender:OutageRetries"] = "0",
            },
            logs);
        var email = TestEmails.Ready(sendAt: DateTimeOffset.UtcNow.AddMinutes(-1));

        await host.Bus.Publish(email, ct);

        BasicGetResult? faulted = null;
        Assert.True(
            await Polling.WithinAsync(async () => (faulted = await broker.TakeEventAsync($"{SampleSenderNames.Queue}_error", email.EventId, ct)) is not null),
            $"The email did not reach {SampleSenderNames.Queue}_error in time.");
        // The error queue keeps what the log leaves out: MassTransit names the innermost exception, with its stack.
        Assert.Equal(typeof(SocketException).FullName, Header(faulted!, "MT-Fault-ExceptionType"));
        Assert.Contains("MailKit.Net", Header(faulted!, "MT-Fault-StackTrace"), StringComparison.Ordinal);
        Assert.False(await host.WasRecordedAsSentAsync(email.EmailId));

        var said = $"SMTP server 127.0.0.1:{down.Port} did not take email {email.EmailId}: {new SocketException((int)SocketError.ConnectionRefused).Message}";
        Assert.Equal(
            Enumerable.Range(1, EmailReadyConsumerDefinition.ImmediateRetries).Select(retry => $"{said}; retry {retry} of {EmailReadyConsumerDefinition.ImmediateRetries} follows"),
            logs.Unavailable.Select(record => record.Message));
        Assert.All(logs.Unavailable, record => Assert.Equal(LogLevel.Information, record.Level));
        var gaveUp = Assert.Single(logs.GaveUp);
        Assert.Equal(LogLevel.Error, gaveUp.Level);
        Assert.StartsWith(said, gaveUp.Message, StringComparison.Ordinal);
        // MassTransit logs the first retry of its own, under a category every endpoint of the process shares, with the
        // exception on one line.
        Assert.IsType<SmtpUnavailableException>(Assert.Single(logs.Retries).Exception);
        logs.AssertNoStackTrace();
    }

    private static string? Header(BasicGetResult message, string name) =>
        message.BasicProperties.Headers?.TryGetValue(name, out var value) == true && value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : null;
}
