using MassTransit;
using Tailor.ContentGeneration.Frequency;
using Tailor.Contracts;
using Tailor.Storage;

namespace Tailor.ContentGeneration.Consumers;

/// <summary>Forgets a user: the personalisation commands and email feedback this service recorded about them, and their send ledger.</summary>
/// <remarks>Not recorded in the stream on purpose: the record would keep the id of the user we were asked to forget.</remarks>
public sealed class UserErasedConsumer(IEventStore events, FrequencyGuard frequency) : IConsumer<UserErased>
{
    public async Task Consume(ConsumeContext<UserErased> context)
    {
        var erased = context.Message;
        ConsumerRules.RequireUserId(erased.UserId, nameof(UserErased), erased.EventId);
        await events.DeleteUserAsync(erased.UserId, context.CancellationToken);
        await frequency.ForgetAsync(erased.UserId, context.CancellationToken);
    }
}
