using MassTransit;
using Tailor.Contracts;
using Tailor.Storage;

namespace Tailor.ContentGeneration.Consumers;

/// <summary>Forgets a user: the personalisation commands and email feedback this service recorded about them.</summary>
/// <remarks>Not recorded in the stream on purpose: the record would keep the id of the user we were asked to forget.</remarks>
public sealed class UserErasedConsumer(IEventStore events) : IConsumer<UserErased>
{
    public async Task Consume(ConsumeContext<UserErased> context)
    {
        var erased = context.Message;
        ConsumerRules.RequireUserId(erased.UserId, nameof(UserErased), erased.EventId);
        await events.DeleteUserAsync(erased.UserId, context.CancellationToken);
    }
}
