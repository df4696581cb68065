using MassTransit;
using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.Profiles;
using Tailor.SendTime.Learning;
using Tailor.Storage;

namespace Tailor.SendTime.Consumers;

/// <summary>
/// Forgets a user: their send-time counts and slice, and every event this service recorded about them (activities,
/// email outcomes and <c>UserIdentified</c>, which holds their address). Every step is a delete, so a redelivery, or two
/// replicas taking copies of one erasure, changes nothing more.
/// </summary>
/// <remarks>Not recorded in the stream on purpose: the record would keep the id of the user we were asked to forget.</remarks>
public sealed class UserErasedConsumer(SendTimeLearner learner, IEventStore events, IProfileCache profiles, ILogger<UserErasedConsumer> logger)
    : IConsumer<UserErased>
{
    public async Task Consume(ConsumeContext<UserErased> context)
    {
        var erased = context.Message;
        await learner.ForgetAsync(erased.UserId, context.CancellationToken);

        // After the state: until here the records still make a redelivered event a duplicate rather than new evidence.
        // Every stream of the store: the service's own when distributed; in the embedded mode's one shared store, the
        // other services' too, which are erasing the same user.
        await events.DeleteUserAsync(erased.UserId, context.CancellationToken);

        // After the state: a rebuild or a late event that wrote the slice since Ingestion removed the profile found
        // the state still there; from here on nothing can write it again.
        await profiles.RemoveSliceAsync(erased.UserId, SendTimeSlice.SliceName, context.CancellationToken);
        Log.Erased(logger, erased.UserId);
    }
}
