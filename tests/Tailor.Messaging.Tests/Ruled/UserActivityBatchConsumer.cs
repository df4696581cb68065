using MassTransit;
using Tailor.Contracts;

namespace Tailor.Messaging.Tests.Ruled;

/// <summary>A batch consumer with a Tailor definition, as the services' hot queues have.</summary>
public sealed class UserActivityBatchConsumer(Received<UserActivityTracked> received) : IConsumer<Batch<UserActivityTracked>>
{
    public Task Consume(ConsumeContext<Batch<UserActivityTracked>> context)
    {
        foreach (var message in context.Message)
        {
            received.Add(this, message.Message);
        }

        return Task.CompletedTask;
    }
}

public sealed class UserActivityBatchConsumerDefinition : TailorConsumerDefinition<UserActivityBatchConsumer>
{
    protected override void Configure(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<UserActivityBatchConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        // A window long enough that messages published together are consumed as one batch.
        consumerConfigurator.Options<BatchOptions>(batch => batch.SetMessageLimit(50).SetTimeLimit(TimeSpan.FromMilliseconds(500)).SetConcurrencyLimit(1));
    }
}
