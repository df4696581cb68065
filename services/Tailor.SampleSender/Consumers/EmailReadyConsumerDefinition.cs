using MassTransit;
using Microsoft.Extensions.Options;
using Tailor.Messaging;
using Tailor.SampleSender.Delivery;

namespace Tailor.SampleSender.Consumers;

/// <summary>
/// The sender's queue (<see cref="SampleSenderNames.Queue"/>, bound to the <c>EmailReady</c> exchange), how many emails
/// it handles at once, and the retry every Tailor consumer has, except that a 5xx SMTP reply is not retried.
/// </summary>
public sealed class EmailReadyConsumerDefinition : ConsumerDefinition<EmailReadyConsumer>
{
    /// <summary>The number of retries in <see cref="ConsumerRetry.Standard"/>: after the last, an SMTP outage parks the email.</summary>
    public const int ImmediateRetries = 4;

    public EmailReadyConsumerDefinition(IOptions<SampleSenderOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ConcurrentMessageLimit = options.Value.ConcurrentMessageLimit;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<EmailReadyConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry =>
        {
            ConsumerRetry.Standard(retry);
            retry.Ignore<SmtpRejectedException>();
        });
}
