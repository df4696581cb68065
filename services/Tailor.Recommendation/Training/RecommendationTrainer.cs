using System.Diagnostics;
using System.Globalization;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tailor.Contracts;
using Tailor.Messaging;
using Tailor.Recommendation.Content;
using Tailor.Recommendation.Ranking;
using Tailor.Storage;
using Tailor.Training;
using Tailor.Training.Catalog;

namespace Tailor.Recommendation.Training;

/// <summary>
/// One training: read the service's own stream, fit ALS, give every known user their top-N, then make the new model
/// the serving one and announce it.
/// </summary>
public sealed class RecommendationTrainer(
    IEventStore events,
    IDocumentStore documents,
    UserRecommendationsWriter writer,
    RecommendationSnapshots snapshots,
    IBus bus,
    IOptions<RecommendationOptions> options,
    TimeProvider time,
    ILogger<RecommendationTrainer> logger) : IModelTrainer
{
    public static string Stream => RecommendationStore.Stream;

    public static string CatalogCollection => RecommendationStore.CatalogCollection;

    public static string UserOutputsCollection => RecommendationStore.UserRecommendationsCollection;

    public static string UserOutputsSlice => Profiles.RecommendationsSlice.SliceName;

    /// <summary>The rollback copy of each user's lists and their topic label: erased with the user too.</summary>
    public static IReadOnlyList<string> OtherUserCollections =>
        [RecommendationStore.PreviousUserRecommendationsCollection, RecommendationStore.UserTopicsCollection];

    public Task<long> CountEvidenceAsync(CancellationToken cancellationToken) =>
        events.CountAsync(RecommendationStore.Stream, cancellationToken);

    public async Task<ModelCheckpoint?> ReadCheckpointAsync(CancellationToken cancellationToken) =>
        (await ReadServingModelAsync(cancellationToken))?.Checkpoint;

    public Task<ServingModel?> ReadServingModelAsync(CancellationToken cancellationToken) =>
        documents.FindAsync<ServingModel>(RecommendationStore.ModelCollection, RecommendationStore.ServingModelId, cancellationToken);

    public async Task<ModelCheckpoint?> TrainAsync(Guid? requestId, CancellationToken cancellationToken)
    {
        using var activity = RecommendationTelemetry.Source.StartActivity("recommendation.train");
        var clock = Stopwatch.StartNew();
        var settings = options.Value;

        // Counted before reading, so the checkpoint never claims evidence the model did not see.
        var evidence = await events.CountAsync(RecommendationStore.Stream, cancellationToken);
        var interactions = await GatherAsync(settings, cancellationToken);
        if (interactions.KnownUsers.Count == 0)
        {
            return null;
        }

        var catalog = await ReadCatalogAsync(cancellationToken);
        if (RecommenderBuilder.Products(interactions, catalog).Count == 0)
        {
            // Users are known but nothing recommendable was bought, viewed or clicked yet.
            return null;
        }

        var itemVectors = await ReadItemVectorsAsync(cancellationToken);
        var userTopics = await ReadUserTopicsAsync(cancellationToken);
        var trainedAt = time.GetUtcNow();
        var version = "als-" + trainedAt.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);

        // The serving model keeps serving unless the new way of building models does at least as well on what users
        // did after the serving model's data.
        var current = await ReadServingModelAsync(cancellationToken);
        PromotionScores? scores = null;
        var dataEnd = current?.DataEnd ?? DateTimeOffset.MinValue;
        var before = current?.DataEnd is null ? null : interactions.Before(dataEnd);
        if (current is not null && before is not null && RecommenderBuilder.Products(before, catalog).Count > 0)
        {
            var served = await snapshots.ReadAsync(RecommendationStore.UserRecommendationsCollection, current.ModelVersion, cancellationToken);
            scores = await Task.Run(
                () => PromotionCheck.Score(
                    interactions, before, dataEnd, served, current.Popular,
                    earlier => RecommenderBuilder.Build(earlier, catalog, settings, version, cancellationToken, itemVectors)),
                cancellationToken);
            if (scores.Users >= settings.MinPromotionUsers && scores.CandidateNdcg < scores.ServingNdcg - settings.PromotionTolerance)
            {
                await documents.PutAsync(
                    RecommendationStore.ModelCollection, RecommendationStore.ServingModelId, current with { EvidenceCount = evidence, CheckedAt = trainedAt }, cancellationToken);
                await bus.Publish(
                    new RecommenderTrained(
                        StableIds.From("tailor.recommendation.trained", version), time.GetUtcNow(), version, interactions.KnownUsers.Count, 0, 0, clock.Elapsed,
                        requestId, Promoted: false, scores.CandidateNdcg, scores.ServingNdcg, scores.Users),
                    cancellationToken);
                RecommendationTelemetry.Candidates.Add(1, new KeyValuePair<string, object?>("outcome", "rejected"));
                Log.NotPromoted(logger, version, scores.CandidateNdcg, current.ModelVersion, scores.ServingNdcg, scores.Users);
                return new ModelCheckpoint(trainedAt, evidence);
            }
        }

        var recommender = await Task.Run(
            () => RecommenderBuilder.Build(interactions, catalog, settings, version, cancellationToken, itemVectors, userTopics), cancellationToken);

        // The lists about to be replaced are kept with the model they came from, so a rollback can serve them again.
        if (current is not null)
        {
            await snapshots.KeepAsync(RecommendationStore.UserRecommendationsCollection, RecommendationStore.PreviousUserRecommendationsCollection, cancellationToken);
        }

        foreach (var userId in interactions.KnownUsers.Order(StringComparer.Ordinal))
        {
            var source = recommender.Knows(userId) ? RecommendationSource.Personal : RecommendationSource.Popular;
            // Items chosen by a user's interest vector say more than the popular ones this model would give them.
            if (source is RecommendationSource.Popular && await writer.SourceAsync(userId, cancellationToken) is RecommendationSource.Content)
            {
                continue;
            }

            await writer.WriteAsync(
                userId, version, recommender.For(userId), source, UserRecommendationsWriter.TrainedEventId(version, userId), cancellationToken, catalog);
        }

        // Written last: a training that stops half way leaves the previous model serving and due for retraining. The
        // model it replaces is kept beside it for rollback.
        if (current is not null)
        {
            await documents.PutAsync(RecommendationStore.ModelCollection, RecommendationStore.PreviousModelId, current, cancellationToken);
        }

        // The popularity list is what new users are given and what control groups are shown (RecommenderTrained.Bestsellers):
        // as the catalog has it now, like every user's list, so a withdrawn bestseller is not announced.
        var popular = CatalogEntries.AsListedNow(recommender.Popular(string.Empty), catalog);
        var serving = new ServingModel(version, trainedAt, evidence, popular, interactions.DataEnd, ServingSince: time.GetUtcNow());
        await documents.PutAsync(RecommendationStore.ModelCollection, RecommendationStore.ServingModelId, serving, cancellationToken);

        var users = interactions.KnownUsers.Count;
        await bus.Publish(
            new RecommenderTrained(
                StableIds.From("tailor.recommendation.trained", version), time.GetUtcNow(), version, users, recommender.ItemCount, recommender.InteractionCount,
                clock.Elapsed, requestId, Promoted: true, scores?.CandidateNdcg, scores?.ServingNdcg, scores?.Users ?? 0, serving.Popular),
            cancellationToken);
        RecommendationTelemetry.Candidates.Add(1, new KeyValuePair<string, object?>("outcome", "promoted"));

        // Tagged with the version, so a dashboard lines up each model's quality and data size with its promotion.
        var versionTag = new KeyValuePair<string, object?>(RecommendationTelemetry.VersionTag, version.ToString());
        RecommendationTelemetry.TrainingDuration.Record(clock.Elapsed.TotalSeconds, versionTag);
        RecommendationTelemetry.Users.Record(users, versionTag);
        RecommendationTelemetry.Items.Record(recommender.ItemCount, versionTag);
        RecommendationTelemetry.Interactions.Record(recommender.InteractionCount, versionTag);
        if (scores?.CandidateNdcg is { } ndcg)
        {
            RecommendationTelemetry.Ndcg.Record(ndcg, versionTag);
        }
        activity?.SetTag("tailor.model.version", version);
        activity?.SetTag("tailor.model.users", users);
        activity?.SetTag("tailor.model.items", recommender.ItemCount);
        Log.Trained(logger, version, users, recommender.ItemCount, recommender.InteractionCount, clock.Elapsed.TotalSeconds);
        Log.Served(logger, version, recommender.Choice.Model, recommender.ExcludesPurchased, recommender.Choice.Reason);
        return serving.Checkpoint;
    }

    private async Task<InteractionSet> GatherAsync(RecommendationOptions settings, CancellationToken cancellationToken)
    {
        var set = new InteractionSet();
        var stream = new EventQuery(RecommendationStore.Stream);
        await foreach (var known in events.ReadMessagesAsync<KnownUser>(stream, cancellationToken))
        {
            set.AddKnownUser(known.UserId);
        }

        await foreach (var activity in events.ReadMessagesAsync<UserActivityTracked>(stream, cancellationToken))
        {
            EvidenceWeights.Add(set, activity, settings);
        }

        await foreach (var engaged in events.ReadMessagesAsync<EmailEngaged>(stream, cancellationToken))
        {
            EvidenceWeights.Add(set, engaged, settings);
        }

        await ShownItemsReader.AddToAsync(events, set, cancellationToken);
        return set;
    }

    private async Task<Dictionary<string, string>> ReadUserTopicsAsync(CancellationToken cancellationToken)
    {
        var topics = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var (userId, topic) in documents.ListAsync<UserTopic>(RecommendationStore.UserTopicsCollection, cancellationToken))
        {
            topics[userId] = topic.Label;
        }

        return topics;
    }

    /// <summary>
    /// The item vectors of the embedding model most items have (during a model switch, the one not yet replaced), of the
    /// length most of them have: the content scorer compares every vector with every other, so one of another length
    /// published under the model's name is left out, as the item index keeps it apart, instead of failing every training.
    /// </summary>
    private async Task<Dictionary<string, float[]>> ReadItemVectorsAsync(CancellationToken cancellationToken)
    {
        var entries = new List<ItemVectorEntry>();
        await foreach (var (_, entry) in documents.ListAsync<ItemVectorEntry>(RecommendationStore.ItemVectorsCollection, cancellationToken))
        {
            entries.Add(entry);
        }

        return entries
            .GroupBy(entry => (entry.Model, entry.ModelVersion, entry.Vector.Length))
            .OrderByDescending(model => model.Count())
            .ThenBy(model => model.Key.Model, StringComparer.Ordinal)
            .FirstOrDefault()?
            .ToDictionary(entry => entry.ItemId, entry => entry.Vector, StringComparer.Ordinal)
            ?? [];
    }

    private async Task<Dictionary<string, CatalogEntry>> ReadCatalogAsync(CancellationToken cancellationToken)
    {
        var catalog = new Dictionary<string, CatalogEntry>(StringComparer.Ordinal);
        await foreach (var (itemId, entry) in documents.ListAsync<CatalogEntry>(RecommendationStore.CatalogCollection, cancellationToken))
        {
            catalog[itemId] = entry;
        }

        return catalog;
    }
}
