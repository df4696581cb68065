using MassTransit;
using Tailor.Contracts;
using Tailor.Messaging;
using Tailor.Storage;

namespace Tailor.Topic.Consumers;

/// <summary>
/// Records what users bought, viewed and wrote (the words of the next training's documents), a batch at a time in one
/// transaction. Recording is the whole effect and the store skips an event it already holds, so a redelivered or
/// duplicated activity needs no query of its own.
/// </summary>
public sealed class UserActivityTrackedConsumer(IEventStore events) : IConsumer<Batch<UserActivityTracked>>
{
    public async Task Consume(ConsumeContext<Batch<UserActivityTracked>> context)
    {
        var usable = new List<UserActivityTracked>(context.Message.Length);
        var rejected = new List<(Guid EventId, string Problem)>();
        foreach (var activity in context.Message.Select(entry => entry.Message))
        {
            if (InvalidMessageException.BlankProblem(activity.UserId) is { } problem)
            {
                rejected.Add((activity.EventId, problem));
            }
            else
            {
                usable.Add(activity);
            }
        }

        await events.RecordManyAsync(TopicStore.Stream, usable, context.CancellationToken);
        InvalidMessageException.ThrowIfAny(nameof(UserActivityTracked), rejected);
    }
}
