using MassTransit;
using Tailor.Contracts;

namespace Tailor.Messaging.Tests.Validating;

/// <summary>Throws on an activity kind it does not know, as a service does on bad input, so the message is a poison one.</summary>
public sealed class UserActivityConsumer(Received<UserActivityTracked> received) : IConsumer<UserActivityTracked>
{
    public Task Consume(ConsumeContext<UserActivityTracked> context)
    {
        if (context.Message.Activity is not (ActivityKinds.Purchase or ActivityKinds.View or ActivityKinds.Text))
        {
            throw new InvalidDataException($"Unknown activity kind '{context.Message.Activity}'.");
        }

        received.Add(this, context.Message);
        return Task.CompletedTask;
    }
}
