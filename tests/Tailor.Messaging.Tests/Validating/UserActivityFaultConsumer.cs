using MassTransit;
using Tailor.Contracts;

namespace Tailor.Messaging.Tests.Validating;

/// <summary>Observes the <see cref="Fault{T}"/> MassTransit publishes when a consumer of the message throws.</summary>
public sealed class UserActivityFaultConsumer(Received<Fault<UserActivityTracked>> received)
    : IConsumer<Fault<UserActivityTracked>>
{
    public Task Consume(ConsumeContext<Fault<UserActivityTracked>> context)
    {
        received.Add(this, context.Message);
        return Task.CompletedTask;
    }
}
