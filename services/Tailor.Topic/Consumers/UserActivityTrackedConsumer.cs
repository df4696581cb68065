using MassTransit;
using Tailor.Contracts;
using Tailor.Storage;

namespace Tailor.Topic.Consumers;

/// <summary>
/// Records what users bought, viewed and wrote (the words of the next training's documents), a batch at a time in one
/// transaction. Recording is the whole effect and the store skips an event it already holds, so a redelivered or
/// duplicated activity needs no query of its own.
/// </summary>
public sealed class UserActivityTrackedConsumer(IEventStore events) : IConsumer<Batch<UserActivityTracked>>
{
    // An activity without a user never gets here: MessageRules refused it on the way in.
    public Task Consume(ConsumeContext<Batch<UserActivityTracked>> context) =>
        events.RecordManyAsync(TopicStore.Stream, [.. context.Message.Select(entry => entry.Message)], context.CancellationToken);
}
