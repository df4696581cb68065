using Microsoft.Extensions.Options;
using Tailor.Contracts;
using Tailor.SampleSender.Diagnostics;
using Tailor.Storage;

namespace Tailor.SampleSender.Delivery;

/// <summary>
/// Whether an email went out, and sending it at most once per email id across every sender replica: an attempt first
/// claims the email in the store (<see cref="DeliveryClaim"/>, a conditional write), and only the holder of the claim
/// sends it.
/// </summary>
public sealed class EmailDelivery(
    IEventStore events,
    IDocumentStore documents,
    SmtpMailer mailer,
    SampleSenderMetrics metrics,
    IOptions<SampleSenderOptions> options,
    TimeProvider clock)
{
    // How often a copy waiting behind another copy's claim looks again: in real time, as it waits for real work.
    private static readonly TimeSpan ClaimPoll = TimeSpan.FromMilliseconds(200);

    // Longer than one SMTP hand-over can take (connect, authenticate, send and quit, each within Timeout), so a claim
    // lapses only when its holder died.
    private TimeSpan ClaimLease => options.Value.Timeout * 5;

    public Task<bool> WasSentAsync(Guid emailId, CancellationToken cancellationToken) =>
        events.ContainsAsync(SampleSenderNames.Stream, emailId, cancellationToken);

    /// <summary>
    /// Sends the email unless the stream says it was sent, then records it (the HandleOnce pattern, keyed by email id).
    /// A copy that finds another copy's claim (a redelivery beside a parked copy coming due, or two replicas) waits until
    /// that one is recorded, or its claim lapses. A crash between the SMTP server's acceptance and the record sends it
    /// again on redelivery, under the same Message-ID: at least once, never silently lost.
    /// </summary>
    /// <returns>False when the email had been sent before and nothing was done.</returns>
    public async Task<bool> DeliverOnceAsync(EmailReady email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var message = EmailMessage.Build(email, options.Value, clock.GetUtcNow());
        if (await WasSentAsync(email.EmailId, cancellationToken))
        {
            return false;
        }

        var holder = Guid.NewGuid();
        while (!await ClaimAsync(email.EmailId, holder, cancellationToken))
        {
            await Task.Delay(ClaimPoll, cancellationToken);
            if (await WasSentAsync(email.EmailId, cancellationToken))
            {
                return false;
            }
        }

        try
        {
            // Another copy may have been sent and recorded between the first look and the claim.
            if (await WasSentAsync(email.EmailId, cancellationToken))
            {
                await ReleaseAsync(email.EmailId, holder);
                return false;
            }

            var reply = await SendAsync(message, cancellationToken);
            var sent = new EmailSent(email.EmailId, email.UserId, email.CampaignId, message.MessageId ?? string.Empty, clock.GetUtcNow(), reply);
            await events.RecordAsync(SampleSenderNames.Stream, email.EmailId, email.UserId, sent.SentAt, sent, cancellationToken);
            metrics.Sent(sent.SentAt - email.SendAt);
        }
        catch
        {
            // Whoever tries next (this message's retry, or a copy waiting behind the claim) need not wait for it to lapse.
            await ReleaseAsync(email.EmailId, holder);
            throw;
        }

        // Recorded: the stream answers for the email from now on, so the claim and any copy parked earlier (an outage,
        // or a redelivery of a far-off email) have nothing left to do.
        await documents.DeleteAsync(SampleSenderNames.DeliveriesCollection, Key(email.EmailId), cancellationToken);
        await documents.DeleteAsync(SampleSenderNames.ScheduledCollection, Key(email.EmailId), cancellationToken);
        return true;
    }

    private async Task<string> SendAsync(MimeKit.MimeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return await mailer.SendAsync(message, cancellationToken);
        }
        catch (SmtpRejectedException)
        {
            metrics.Rejected();
            throw;
        }
        catch (SmtpUnavailableException)
        {
            metrics.Unavailable();
            throw;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // What the mailer does not classify (a setting the server or MailKit refuses, a bug) is counted too, so a
            // sender that sends nothing shows it in the metric; a shutdown is not a failure of the email.
            metrics.Failed();
            throw;
        }
    }

    /// <summary>Takes the email's claim when nobody holds it, or its holder's lease lapsed; true when this attempt holds it.</summary>
    private async Task<bool> ClaimAsync(Guid emailId, Guid holder, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claim = await documents.UpdateAsync<DeliveryClaim>(
            SampleSenderNames.DeliveriesCollection,
            Key(emailId),
            current => current is not null && current.Holder != holder && current.Until > now ? current : new DeliveryClaim(holder, now + ClaimLease),
            cancellationToken);
        return claim?.Document.Holder == holder;
    }

    // Only this attempt's own claim: one that lapsed and was taken by another copy is that copy's. Not cancellable: a
    // failed attempt's claim is let go even when the failure was a shutdown.
    private Task ReleaseAsync(Guid emailId, Guid holder) =>
        documents.UpdateAsync<DeliveryClaim>(
            SampleSenderNames.DeliveriesCollection,
            Key(emailId),
            current => current?.Holder == holder ? current with { Until = DateTimeOffset.MinValue } : current,
            CancellationToken.None);

    private static string Key(Guid emailId) => emailId.ToString("D");
}
