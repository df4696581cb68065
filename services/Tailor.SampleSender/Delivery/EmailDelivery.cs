using Microsoft.Extensions.Options;
using Tailor.Contracts;
using Tailor.Messaging;
using Tailor.SampleSender.Diagnostics;
using Tailor.Storage;

namespace Tailor.SampleSender.Delivery;

/// <summary>Whether an email went out, and sending it at most once per email id in this process.</summary>
public sealed class EmailDelivery(
    IEventStore events,
    IDocumentStore documents,
    SmtpMailer mailer,
    SampleSenderMetrics metrics,
    IOptions<SampleSenderOptions> options,
    TimeProvider clock) : IDisposable
{
    // Two copies of one email (a redelivery beside a parked copy coming due) must not both reach SMTP: the check, the
    // send and the record run for one email id at a time.
    private readonly KeyedLocks _locks = new();

    public Task<bool> WasSentAsync(Guid emailId, CancellationToken cancellationToken) =>
        events.ContainsAsync(SampleSenderNames.Stream, emailId, cancellationToken);

    /// <summary>
    /// Sends the email unless the stream says it was sent, then records it (the HandleOnce pattern, keyed by email id).
    /// A crash between the SMTP server's acceptance and the record sends it again on redelivery, under the same
    /// Message-ID: at least once, never silently lost.
    /// </summary>
    /// <returns>False when the email had been sent before and nothing was done.</returns>
    public async Task<bool> DeliverOnceAsync(EmailReady email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var message = EmailMessage.Build(email, options.Value, clock.GetUtcNow());
        using var held = await _locks.AcquireAsync(email.EmailId.ToString("N"), cancellationToken);
        if (await WasSentAsync(email.EmailId, cancellationToken))
        {
            return false;
        }

        string reply;
        try
        {
            reply = await mailer.SendAsync(message, cancellationToken);
        }
        catch (SmtpRejectedException)
        {
            metrics.Rejected();
            throw;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            metrics.Unavailable();
            throw new SmtpUnavailableException(
                $"Email {email.EmailId} could not be handed to {options.Value.Host}:{options.Value.Port}: {exception.Message}", exception);
        }

        var sent = new EmailSent(email.EmailId, email.UserId, email.CampaignId, message.MessageId ?? string.Empty, clock.GetUtcNow(), reply);
        await events.RecordAsync(SampleSenderNames.Stream, email.EmailId, email.UserId, sent.SentAt, sent, cancellationToken);
        metrics.Sent(sent.SentAt - email.SendAt);
        // A copy parked earlier (an outage, or a redelivery of a far-off email) has nothing left to do.
        await documents.DeleteAsync(SampleSenderNames.ScheduledCollection, email.EmailId.ToString("D"), cancellationToken);
        return true;
    }

    public void Dispose() => _locks.Dispose();
}
