using MassTransit;
using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.Embedding.Interests;
using Tailor.Embedding.Vectors;
using Tailor.Storage;

namespace Tailor.Embedding.Consumers;

/// <summary>
/// Forgets a user: their interest state and slice, the cached vectors of the texts they typed, and every event this service recorded about them (activities and
/// email engagement). Every step is a delete, so a redelivery, or two replicas taking copies of one erasure, changes
/// nothing more.
/// </summary>
/// <remarks>Not recorded in the stream on purpose: the record would keep the id of the user we were asked to forget.</remarks>
public sealed class UserErasedConsumer(UserInterests interests, TextVectors texts, IEventStore events, ILogger<UserErasedConsumer> logger)
    : IConsumer<UserErased>
{
    public async Task Consume(ConsumeContext<UserErased> context)
    {
        var erased = context.Message;
        // The vectors of what they typed: the state remembers the latest texts' keys; the activities recorded below hold
        // every text, so they are read before they go. Either alone can miss some: in the embedded mode's one store,
        // another service's erasure may have deleted the activities already, and the state keeps only the latest keys.
        // The state is read again on a redelivery only if its delete has not happened yet, so the texts go first.
        var remembered = await interests.TextKeysAsync(erased.UserId, context.CancellationToken);
        var recorded = await events.ReadMessagesAsync<UserActivityTracked>(new EventQuery(EmbeddingNames.Stream) { UserId = erased.UserId }, context.CancellationToken)
            .Where(activity => activity.Activity == ActivityKinds.Text && !string.IsNullOrWhiteSpace(activity.Text))
            .Select(activity => TextVectors.KeyOf(activity.Text!))
            .ToListAsync(context.CancellationToken);
        await texts.ForgetAsync([.. remembered.Union(recorded, StringComparer.Ordinal)], context.CancellationToken);
        await interests.ForgetAsync(erased.UserId, context.CancellationToken);

        // After the state: until here the records still make a redelivered event a duplicate rather than new evidence.
        // Every stream of the store: the service's own when distributed; in the embedded mode's one shared store, the
        // other services' too, which are erasing the same user.
        await events.DeleteUserAsync(erased.UserId, context.CancellationToken);
        Log.InterestsErased(logger, erased.UserId);
    }
}
