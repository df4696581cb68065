using MassTransit;
using Tailor.Contracts;

namespace Tailor.Messaging.Tests.ServiceB;

/// <summary>One service's consumer; <see cref="ServiceA.UserActivityConsumer"/> has the same class name on purpose.</summary>
public sealed class UserActivityConsumer(Received<UserActivityTracked> received) : IConsumer<UserActivityTracked>
{
    public Task Consume(ConsumeContext<UserActivityTracked> context)
    {
        received.Add(this, context.Message);
        return Task.CompletedTask;
    }
}
