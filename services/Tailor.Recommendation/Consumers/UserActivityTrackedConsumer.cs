using MassTransit;
using Tailor.Contracts;
using Tailor.Messaging;
using Tailor.Storage;

namespace Tailor.Recommendation.Consumers;

/// <summary>
/// Records purchases and views (the evidence the next training learns from), a batch at a time in one transaction.
/// Recording is the whole effect and the store skips an event it already holds, so a redelivered or duplicated
/// activity needs no query of its own.
/// </summary>
public sealed class UserActivityTrackedConsumer(IEventStore events) : IConsumer<Batch<UserActivityTracked>>
{
    public async Task Consume(ConsumeContext<Batch<UserActivityTracked>> context)
    {
        var usable = new List<UserActivityTracked>(context.Message.Length);
        var rejected = new List<(Guid EventId, string Problem)>();
        foreach (var activity in context.Message.Select(entry => entry.Message))
        {
            if (Problem(activity) is { } problem)
            {
                rejected.Add((activity.EventId, problem));
            }
            else
            {
                usable.Add(activity);
            }
        }

        await events.RecordManyAsync(RecommendationStore.Stream, usable, context.CancellationToken);
        InvalidMessageException.ThrowIfAny(nameof(UserActivityTracked), rejected);
    }

    private static string? Problem(UserActivityTracked activity) =>
        InvalidMessageException.BlankProblem(activity.UserId)
        ?? (activity.Activity == ActivityKinds.Purchase && string.IsNullOrWhiteSpace(activity.ItemId) ? "a purchase names no item" : null);
}
