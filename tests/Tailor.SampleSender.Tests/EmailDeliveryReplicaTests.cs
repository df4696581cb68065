using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tailor.SampleSender.Delivery;
using Tailor.SampleSender.Diagnostics;
using Tailor.Storage;
using Tailor.Testing;

namespace Tailor.SampleSender.Tests;

/// <summary>
/// Two sender replicas, each with its own connection to one SQLite file (as two processes sharing the service's
/// database), handing copies of the same emails to one real SMTP server at once.
/// </summary>
public sealed class EmailDeliveryReplicaTests : IDisposable
{
    private readonly SqliteReplicas _stores = new();
    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeTimeProvider _clock = new(TestEmails.Now);

    public void Dispose()
    {
        _meters.Dispose();
        _stores.Dispose();
    }

    [Fact]
    public async Task DeliverOnceAsync_copies_of_each_email_on_two_replicas_at_once_send_each_once()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        var replicas = Replicas(smtp.Port);
        var emails = Enumerable.Range(0, 30).Select(_ => TestEmails.Ready(sendAt: TestEmails.Now)).ToList();

        // Three copies of every email at once: two on one replica (a redelivery beside a parked copy), one on the other.
        var deliveries = emails.SelectMany(email => new[] { (Replica: 0, Email: email), (Replica: 1, Email: email), (Replica: 0, Email: email) });
        var outcomes = await Task.WhenAll(deliveries.Select(delivery => Task.Run(
            async () => (delivery.Email.EmailId, Sent: await replicas[delivery.Replica].DeliverOnceAsync(delivery.Email, TestContext.Current.CancellationToken)),
            TestContext.Current.CancellationToken)));

        Assert.All(outcomes.GroupBy(outcome => outcome.EmailId), copies => Assert.Single(copies, copy => copy.Sent));
        Assert.Equal(
            emails.Select(email => email.MessageId).Order(),
            smtp.Messages.Select(received => $"<{received.Message.MessageId}>").Order());
        Assert.Equal(emails.Count, await _stores.Events[1].CountAsync(SampleSenderNames.Stream, TestContext.Current.CancellationToken));
        // Every claim is gone once its email is recorded.
        Assert.Empty(await _stores.Documents[0].ListAsync(SampleSenderNames.DeliveriesCollection, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task DeliverOnceAsync_behind_the_claim_of_a_replica_that_died_sends_the_email_once_the_claim_lapses()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        var replicas = Replicas(smtp.Port);
        var email = TestEmails.Ready(sendAt: TestEmails.Now);
        // The other replica claimed the email and died before sending it.
        await _stores.Documents[0].PutAsync(
            SampleSenderNames.DeliveriesCollection, email.EmailId.ToString("D"), new DeliveryClaim(Guid.NewGuid(), TestEmails.Now.AddMinutes(1)), TestContext.Current.CancellationToken);

        var delivery = replicas[1].DeliverOnceAsync(email, TestContext.Current.CancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Assert.False(delivery.IsCompleted);
        Assert.Empty(smtp.Messages);

        _clock.Advance(TimeSpan.FromMinutes(2));

        Assert.True(await delivery.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        Assert.Single(smtp.Messages);
    }

    private EmailDelivery[] Replicas(int smtpPort)
    {
        var options = Options.Create(new SampleSenderOptions
        {
            Host = "127.0.0.1",
            Port = smtpPort,
            Security = SmtpSecurity.None,
            Timeout = TimeSpan.FromSeconds(5),
        });
        var metrics = new SampleSenderMetrics(_meters.GetRequiredService<IMeterFactory>());
        return
        [
            .. _stores.Documents.Zip(_stores.Events, (documents, events) =>
                new EmailDelivery(events, documents, new SmtpMailer(options), metrics, options, _clock)),
        ];
    }
}
