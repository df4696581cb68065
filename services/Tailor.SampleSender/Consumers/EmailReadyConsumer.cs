using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tailor.Contracts;
using Tailor.SampleSender.Delivery;
using Tailor.SampleSender.Diagnostics;
using Tailor.SampleSender.Scheduling;

namespace Tailor.SampleSender.Consumers;

/// <summary>
/// Delivers each <see cref="EmailReady"/> over SMTP at its <c>SendAt</c>, once per email id.
/// <list type="bullet">
/// <item>Due within <see cref="SampleSenderOptions.MaxHold"/>: waits for it (an async timer, no thread held), then sends.</item>
/// <item>Due later: parks it in the document store and acknowledges; <see cref="ScheduledEmailDispatcher"/> sends it
/// back to this queue <c>MaxHold</c> before its time.</item>
/// <item>SMTP down (<see cref="SmtpUnavailableException"/>): one information line per attempt, and the endpoint's retry
/// tries again; if the last immediate retry fails too, the email is parked for a later attempt (backing off, a
/// warning), up to <see cref="SampleSenderOptions.OutageRetries"/> times, then it faults (an error).</item>
/// <item>Any other failure of the SMTP hand-over (a setting the server or MailKit refuses, a bug): retried by the
/// endpoint's retry, then it faults without being parked.</item>
/// <item>A 5xx reply or an email that cannot be built: faults to <c>_error</c> at once.</item>
/// </list>
/// </summary>
public sealed class EmailReadyConsumer(
    EmailDelivery delivery,
    ScheduledEmails scheduled,
    SampleSenderMetrics metrics,
    IOptions<SampleSenderOptions> options,
    TimeProvider clock,
    ILogger<EmailReadyConsumer> logger) : IConsumer<EmailReady>
{
    public async Task Consume(ConsumeContext<EmailReady> context)
    {
        var email = context.Message;
        var settings = options.Value;
        var cancellationToken = context.CancellationToken;
        // Refuses a message that could never be sent now, not after it waited days for its time.
        _ = EmailMessage.Build(email, settings, clock.GetUtcNow());

        var wait = email.SendAt - clock.GetUtcNow();
        if (wait > settings.MaxHold)
        {
            if (await delivery.WasSentAsync(email.EmailId, cancellationToken))
            {
                Duplicate(email);
                return;
            }

            await scheduled.ParkAsync(new ScheduledEmail(email, email.SendAt, OutageAttempts: 0), cancellationToken);
            metrics.Scheduled();
            Log.Parked(logger, email.EmailId, email.SendAt);
            return;
        }

        if (wait > TimeSpan.Zero)
        {
            Log.Holding(logger, email.EmailId, email.SendAt);
            // On the host's TimeProvider; a shutdown cancels the wait and the message goes back to the queue unacknowledged.
            await Task.Delay(wait, clock, cancellationToken);
        }

        try
        {
            if (await delivery.DeliverOnceAsync(email, cancellationToken))
            {
                Log.Sent(logger, email.EmailId, email.UserId, email.CampaignId);
            }
            else
            {
                Duplicate(email);
            }
        }
        catch (SmtpUnavailableException exception)
        {
            var retry = context.GetRetryAttempt();
            if (retry < EmailReadyConsumerDefinition.ImmediateRetries)
            {
                // The one line of ours per failed attempt; MassTransit's R-RETRY beside the first prints the exception's
                // short ToString (SmtpUnavailableException says why it has no stack).
                Log.Unavailable(logger, exception.Server, email.EmailId, exception.Reason, retry + 1, EmailReadyConsumerDefinition.ImmediateRetries);
                throw;
            }

            var attempts = OutageAttempts(context.Headers);
            if (attempts >= settings.OutageRetries)
            {
                Log.GaveUp(logger, exception.Server, email.EmailId, exception.Reason, attempts);
                throw;
            }

            var retryAt = clock.GetUtcNow() + settings.OutageDelay(attempts + 1);
            await scheduled.ParkAsync(new ScheduledEmail(email, retryAt, attempts + 1), cancellationToken);
            metrics.OutageParked();
            Log.OutageParked(logger, exception.Server, email.EmailId, exception.Reason, EmailReadyConsumerDefinition.ImmediateRetries, attempts + 1, retryAt);
        }
    }

    // Set by the dispatcher on emails it sends back; a number, which RabbitMQ may hand back as an int, a long or text.
    private static int OutageAttempts(Headers headers) =>
        headers.TryGetHeader(SampleSenderNames.OutageAttemptsHeader, out var value)
        && int.TryParse(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture, out var attempts)
            ? attempts
            : 0;

    private void Duplicate(EmailReady email)
    {
        metrics.Duplicate();
        Log.Duplicate(logger, email.EmailId);
    }
}
