using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.Messaging;
using Tailor.Testing;

namespace Tailor.SampleSender.Tests;

/// <summary>
/// A sender written in another language reads what Tailor publishes: Node's amqplib (pinned in NodeSender/package.json)
/// declares the exchange, binds a queue of its own and consumes exactly as docs/email-ready.md tells a non-.NET sender
/// to, on a real RabbitMQ, and Tailor's own bus (<see cref="TailorBusExtensions.AddTailorBus"/>, as ContentGeneration
/// has it) publishes the emails. Skipped without RabbitMQ, node, or the installed package (<c>npm ci</c> in that
/// folder; scripts/test-infrastructure.sh does it).
/// </summary>
public sealed class NodeAmqpSenderTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_node_amqplib_sender_set_up_as_documented_receives_each_email_as_documented()
    {
        var rabbitMq = TestInfrastructure.RequireRabbitMq();
        var folder = SenderFolder();
        var ct = TestContext.Current.CancellationToken;
        await using var vhost = await RabbitMqVirtualHost.CreateAsync(rabbitMq);
        EmailReady[] emails =
        [
            TestEmails.Ready(TestEmails.Now.AddHours(2)),
            TestEmails.Ready(TestEmails.Now.AddHours(3), to: "grace@example.com"),
        ];
        using var sender = StartSender(folder, new Dictionary<string, string>
        {
            ["TAILOR_RABBITMQ"] = vhost.AmqpUri,
            ["TAILOR_QUEUE"] = $"acme-sender-{Guid.NewGuid():N}",
            ["TAILOR_EXPECT"] = emails.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(ct);
        patience.CancelAfter(Patience);
        var errors = sender.StandardError.ReadToEndAsync(patience.Token);

        try
        {
            // The queue is bound before anything is published: a fanout exchange drops what no queue is bound to.
            if (await sender.StandardOutput.ReadLineAsync(patience.Token) != "ready")
            {
                Assert.Fail(await ErrorsOf(sender, errors));
            }

            using (var host = await StartTailorBusAsync(vhost.AmqpUri, ct))
            {
                foreach (var email in emails)
                {
                    await host.Services.GetRequiredService<IBus>().Publish(email, ct);
                }

                var received = new List<JsonElement>();
                while (received.Count < emails.Length && await sender.StandardOutput.ReadLineAsync(patience.Token) is { } line)
                {
                    received.Add(JsonSerializer.Deserialize<JsonElement>(line));
                }

                await host.StopAsync(ct);
                if (received.Count < emails.Length)
                {
                    Assert.Fail(await ErrorsOf(sender, errors));
                }

                AssertAsDocumented(emails, received);
            }

            await sender.WaitForExitAsync(patience.Token);
            if (sender.ExitCode != 0)
            {
                Assert.Fail(await ErrorsOf(sender, errors));
            }
        }
        finally
        {
            if (!sender.HasExited)
            {
                sender.Kill(entireProcessTree: true);
            }
        }
    }

    private static void AssertAsDocumented(EmailReady[] sent, List<JsonElement> received)
    {
        Assert.All(received, delivery =>
        {
            // docs/email-ready.md, "Where it arrives": MassTransit's JSON envelope, persistent, EmailReady first.
            Assert.Equal("application/vnd.masstransit+json", delivery.GetProperty("contentType").GetString());
            Assert.Equal(2, delivery.GetProperty("deliveryMode").GetInt32());
            Assert.Equal("urn:message:Tailor.Contracts:EmailReady", delivery.GetProperty("messageType")[0].GetString());
        });
        var byId = received.Select(delivery => delivery.GetProperty("email")).ToDictionary(email => email.GetProperty("emailId").GetGuid());
        Assert.Equal(sent.Select(email => email.EmailId).Order(), byId.Keys.Order());
        foreach (var email in sent)
        {
            var read = byId[email.EmailId];
            Assert.Equal(email.To, read.GetProperty("to").GetString());
            Assert.Equal(email.Subject, read.GetProperty("subject").GetString());
            Assert.Equal(email.HtmlBody, read.GetProperty("htmlBody").GetString());
            Assert.Equal(email.SendAt, read.GetProperty("sendAt").GetDateTimeOffset());
            Assert.Equal(email.Headers["List-Unsubscribe-Post"], read.GetProperty("headers").GetProperty("List-Unsubscribe-Post").GetString());
            Assert.Equal(email.CustomArgs!["tailor_email_id"], read.GetProperty("customArgs").GetProperty("tailor_email_id").GetString());
        }
    }

    private static async Task<IHost> StartTailorBusAsync(string amqpUri, CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{TailorBusExtensions.RabbitMqConnectionName}"] = amqpUri,
        });
        builder.Logging.ClearProviders();
        builder.Services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true);
        builder.AddTailorBus();
        var host = builder.Build();
        await host.StartAsync(ct);
        return host;
    }

    private static Process StartSender(string folder, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("node", "receive.mjs")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        try
        {
            return Process.Start(start)!;
        }
        catch (Win32Exception missing)
        {
            Assert.Skip($"node is not installed here ({missing.Message}); the Node sender needs it.");
            throw;
        }
    }

    private static async Task<string> ErrorsOf(Process sender, Task<string> errors)
    {
        if (!sender.HasExited)
        {
            sender.Kill(entireProcessTree: true);
        }

        try
        {
            return $"the Node sender said: {await errors}";
        }
        catch (OperationCanceledException)
        {
            return "the Node sender said nothing in time";
        }
    }

    /// <summary>NodeSender in the source tree, where npm installed amqplib; skips the test when it is not installed.</summary>
    private static string SenderFolder()
    {
        var folder = Path.GetDirectoryName(RepositoryFiles.Above("tests", "Tailor.SampleSender.Tests", "NodeSender", "receive.mjs"))!;
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "amqplib")))
        {
            Assert.Skip($"amqplib is not installed in {folder}: run `npm ci` there (scripts/test-infrastructure.sh does when npm is installed).");
        }

        return folder;
    }
}
