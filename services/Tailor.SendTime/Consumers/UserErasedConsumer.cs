using MassTransit;
using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.SendTime.Learning;
using Tailor.Storage;

namespace Tailor.SendTime.Consumers;

/// <summary>Forgets a user's send-time counts and the events SendTime recorded about them. Both deletes are idempotent.</summary>
/// <remarks>Not recorded in the stream on purpose: the record would keep the id of the user we were asked to forget.</remarks>
public sealed class UserErasedConsumer(SendTimeLearner learner, IEventStore events, ILogger<UserErasedConsumer> logger)
    : IConsumer<UserErased>
{
    public async Task Consume(ConsumeContext<UserErased> context)
    {
        var erased = context.Message;
        if (string.IsNullOrWhiteSpace(erased.UserId))
        {
            throw new InvalidMessageException($"{nameof(UserErased)} {erased.EventId} has no UserId.");
        }

        await learner.ForgetAsync(erased.UserId, context.CancellationToken);
        await events.DeleteUserAsync(erased.UserId, context.CancellationToken);
        Log.Erased(logger, erased.UserId);
    }
}
