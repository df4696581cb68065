using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Tailor.Messaging.Rules;

namespace Tailor.Messaging;

/// <summary>
/// The base of every Tailor consumer's definition: it puts the one retry policy (<see cref="ConsumerRetry"/>) and the
/// rules every message is held to (<see cref="MessageRulesFilter"/>) on the consumer's endpoint, so no definition can
/// leave them out, and a definition adds only what is its own (concurrency
/// in its constructor, batching or a filter in <see cref="Configure"/>).
/// </summary>
public abstract class TailorConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected sealed override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        ConsumerRetry.Apply(endpointConfigurator);

        // For every message the endpoint receives, before any batching, so it refuses one message, not its batch.
        endpointConfigurator.UseFilter(ActivatorUtilities.CreateInstance<MessageRulesFilter>(context));
        Configure(endpointConfigurator, consumerConfigurator, context);
    }

    /// <summary>What this consumer adds to what every consumer has; nothing by default.</summary>
    protected virtual void Configure(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
    }
}
