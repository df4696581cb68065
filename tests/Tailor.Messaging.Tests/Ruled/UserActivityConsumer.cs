using MassTransit;
using Tailor.Contracts;

namespace Tailor.Messaging.Tests.Ruled;

/// <summary>A consumer with a Tailor definition, as every service's is: what reaches it passed <c>MessageRules</c>.</summary>
public sealed class UserActivityConsumer(Received<UserActivityTracked> received) : IConsumer<UserActivityTracked>
{
    public Task Consume(ConsumeContext<UserActivityTracked> context)
    {
        received.Add(this, context.Message);
        return Task.CompletedTask;
    }
}

public sealed class UserActivityConsumerDefinition : TailorConsumerDefinition<UserActivityConsumer>;
