using MassTransit;
using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.SampleSender.Scheduling;
using Tailor.Storage;

namespace Tailor.SampleSender.Consumers;

/// <summary>
/// Forgets an erased user, as every sender should: their emails still parked for their send time (which hold their
/// address and would otherwise still be sent) and the record of each email sent to them (<c>EmailSent</c>, filed under
/// them). Every step is a delete, so a redelivery changes nothing more.
/// </summary>
/// <remarks>
/// An email already handed back to the queue, or held in memory for its last stretch, is still sent: an erasure
/// arriving within <see cref="SampleSenderOptions.MaxHold"/> of a send time may be too late for that one email.
/// </remarks>
public sealed class UserErasedConsumer(ScheduledEmails scheduled, IEventStore events, ILogger<UserErasedConsumer> logger) : IConsumer<UserErased>
{
    public async Task Consume(ConsumeContext<UserErased> context)
    {
        var erased = context.Message;
        var parked = await scheduled.ForgetUserAsync(erased.UserId, context.CancellationToken);
        await events.DeleteUserAsync(erased.UserId, context.CancellationToken);
        Log.Erased(logger, erased.UserId, parked);
    }
}
