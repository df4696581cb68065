using MassTransit;
using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.Messaging;
using Tailor.Profiles;
using Tailor.SendTime.Learning;

namespace Tailor.SendTime.Consumers;

/// <summary>
/// Forgets a user's send-time counts (idempotent). The event store has no per-stream erase yet, so the events SendTime
/// recorded about the user stay until erasure is built across services.
/// </summary>
/// <remarks>Not recorded in the stream on purpose: the record would keep the id of the user we were asked to forget.</remarks>
public sealed class UserErasedConsumer(SendTimeLearner learner, IProfileCache profiles, ILogger<UserErasedConsumer> logger)
    : IConsumer<UserErased>
{
    public async Task Consume(ConsumeContext<UserErased> context)
    {
        var erased = context.Message;
        if (string.IsNullOrWhiteSpace(erased.UserId))
        {
            throw new InvalidMessageException($"{nameof(UserErased)} {erased.EventId} has no UserId.");
        }

        // Only this service's own state: the user's events in other services' streams are theirs to erase.
        await learner.ForgetAsync(erased.UserId, context.CancellationToken);

        // After the state: a rebuild or a late event that wrote the slice since Ingestion removed the profile found
        // the state still there; from here on nothing can write it again.
        await profiles.RemoveSliceAsync(erased.UserId, SendTimeSlice.SliceName, context.CancellationToken);
        Log.Erased(logger, erased.UserId);
    }
}
