using MassTransit;
using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.Embedding.Interests;
using Tailor.Messaging;

namespace Tailor.Embedding.Consumers;

/// <summary>Forgets a user's interest state. Deleting twice is harmless, so a redelivery needs no bookkeeping.</summary>
/// <remarks>Not recorded in the stream on purpose: the record would keep the id of the user we were asked to forget.</remarks>
public sealed class UserErasedConsumer(UserInterests interests, ILogger<UserErasedConsumer> logger) : IConsumer<UserErased>
{
    public async Task Consume(ConsumeContext<UserErased> context)
    {
        var erased = context.Message;
        if (string.IsNullOrWhiteSpace(erased.UserId))
        {
            throw new InvalidMessageException($"{nameof(UserErased)} {erased.EventId} has no UserId.");
        }

        await interests.ForgetAsync(erased.UserId, context.CancellationToken);
        Log.InterestsErased(logger, erased.UserId);
    }
}
