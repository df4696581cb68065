using MassTransit;
using Tailor.Contracts;

namespace Tailor.Messaging.Tests.Replicated;

/// <summary>The consumer of a service that runs as several replicas: each replica is a host of its own.</summary>
public sealed class UserActivityConsumer(Received<UserActivityTracked> received) : IConsumer<UserActivityTracked>
{
    public Task Consume(ConsumeContext<UserActivityTracked> context)
    {
        received.Add(this, context.Message);
        return Task.CompletedTask;
    }
}
