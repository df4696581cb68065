using System.Globalization;
using MassTransit;
using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.Messaging;
using Tailor.Storage;

namespace Tailor.Recommendation.Training;

/// <summary>
/// Serves the previous model again: its lists go back to every user it had written, and the model it replaces becomes
/// the previous one, so a second rollback rolls forward. With no previous model it changes nothing and says so.
/// </summary>
public sealed class RecommendationRollback(
    IDocumentStore documents,
    UserRecommendationsWriter writer,
    RecommendationSnapshots snapshots,
    IBus bus,
    TimeProvider time,
    ILogger<RecommendationRollback> logger)
{
    /// <returns>The event published, which is also the requester's answer: <see cref="RecommenderRolledBack"/> or <see cref="RecommenderRollbackRefused"/>.</returns>
    public async Task<object> RollBackAsync(RecommenderRollbackRequested request, CancellationToken cancellationToken)
    {
        var requestId = request.EventId;
        var current = await documents.FindAsync<ServingModel>(RecommendationStore.ModelCollection, RecommendationStore.ServingModelId, cancellationToken);
        var previous = await documents.FindAsync<ServingModel>(RecommendationStore.ModelCollection, RecommendationStore.PreviousModelId, cancellationToken);
        if (current is null || previous is null)
        {
            return await RefuseAsync(requestId, current is null
                ? "no recommender has been trained yet, so there is nothing to roll back to."
                : $"{current.ModelVersion} is the first recommender trained; there is no previous one to roll back to.", cancellationToken);
        }

        // A request that waited (behind a training, or while Recommendation was down) may find another model serving
        // than the one its operator saw: a promotion meanwhile, or an earlier rollback sent again. Rolling back then
        // would undo what they did not mean to, so it is refused and they can look and ask again.
        if (current.Since > request.OccurredAt)
        {
            return await RefuseAsync(requestId, string.Create(CultureInfo.InvariantCulture,
                $"{current.ModelVersion} began serving at {current.Since:u}, after this rollback was asked for at {request.OccurredAt:u}, so it is not the model the request meant to undo; ask again to roll it back."),
                cancellationToken);
        }

        // Only users who still have lists get the old ones back: an erased user's lists are gone and stay gone.
        var stillHere = await snapshots.UsersAsync(RecommendationStore.UserRecommendationsCollection, cancellationToken);
        var lists = (await snapshots.ReadAsync(RecommendationStore.PreviousUserRecommendationsCollection, previous.ModelVersion, cancellationToken))
            .Where(list => stillHere.Contains(list.Key))
            .ToDictionary(list => list.Key, list => list.Value, StringComparer.Ordinal);
        await snapshots.KeepAsync(RecommendationStore.UserRecommendationsCollection, RecommendationStore.PreviousUserRecommendationsCollection, cancellationToken);
        foreach (var (userId, stored) in lists.OrderBy(list => list.Key, StringComparer.Ordinal))
        {
            await writer.WriteAsync(
                userId, stored.ModelVersion, stored.Items, stored.Source, StableIds.From("tailor.recommendation.rollback", requestId.ToString("D"), userId), cancellationToken);
        }

        // The age threshold counts from the rollback, so the model rolled back from is not simply trained again at once.
        var now = time.GetUtcNow();
        await documents.PutAsync(RecommendationStore.ModelCollection, RecommendationStore.PreviousModelId, current, cancellationToken);
        await documents.PutAsync(
            RecommendationStore.ModelCollection, RecommendationStore.ServingModelId,
            previous with { EvidenceCount = current.EvidenceCount, CheckedAt = now, ServingSince = now }, cancellationToken);
        var rolledBack = new RecommenderRolledBack(
            StableIds.For(requestId, nameof(RecommenderRolledBack)), now, current.ModelVersion, previous.ModelVersion, lists.Count, requestId);
        await bus.Publish(rolledBack, cancellationToken);
        Log.RolledBack(logger, current.ModelVersion, previous.ModelVersion, lists.Count);
        return rolledBack;
    }

    private async Task<object> RefuseAsync(Guid requestId, string reason, CancellationToken cancellationToken)
    {
        var refused = new RecommenderRollbackRefused(StableIds.For(requestId, nameof(RecommenderRollbackRefused)), time.GetUtcNow(), reason, requestId);
        await bus.Publish(refused, cancellationToken);
        Log.RollbackRefused(logger, requestId, reason);
        return refused;
    }
}
