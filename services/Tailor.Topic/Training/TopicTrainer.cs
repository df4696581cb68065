using System.Diagnostics;
using System.Globalization;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tailor.Contracts;
using Tailor.Messaging;
using Tailor.Profiles;
using Tailor.Storage;
using Tailor.Topic.Modeling;
using Tailor.Training;
using Tailor.Training.Catalog;

namespace Tailor.Topic.Training;

/// <summary>
/// One training: build every user's document from the service's own stream, fit LDA, and compare the new model's
/// coherence with the serving model's on the same documents. If it is not worse (within
/// <see cref="TopicOptions.CoherenceTolerance"/>), give every user their mixture and make it the serving model; either
/// way, announce it.
/// </summary>
public sealed class TopicTrainer(
    IEventStore events,
    IDocumentStore documents,
    IProfileCache profiles,
    IBus bus,
    IOptions<TopicOptions> options,
    TimeProvider time,
    ILogger<TopicTrainer> logger) : IModelTrainer
{
    public static string Stream => TopicStore.Stream;

    public static string CatalogCollection => TopicStore.CatalogCollection;

    public static string UserOutputsCollection => TopicStore.UserTopicsCollection;

    public static string UserOutputsSlice => Profiles.TopicsSlice.SliceName;

    public Task<long> CountEvidenceAsync(CancellationToken cancellationToken) =>
        events.CountAsync(TopicStore.Stream, cancellationToken);

    public async Task<ModelCheckpoint?> ReadCheckpointAsync(CancellationToken cancellationToken) =>
        (await ReadServingModelAsync(cancellationToken))?.Checkpoint;

    public Task<TopicServingModel?> ReadServingModelAsync(CancellationToken cancellationToken) =>
        documents.FindAsync<TopicServingModel>(TopicStore.ModelCollection, TopicStore.ServingModelId, cancellationToken);

    public async Task<ModelCheckpoint?> TrainAsync(Guid? requestId, CancellationToken cancellationToken)
    {
        using var activity = TopicTelemetry.Source.StartActivity("topic.train");
        var clock = Stopwatch.StartNew();
        var settings = options.Value;

        // Counted before reading, so the checkpoint never claims evidence the model did not see.
        var evidence = await events.CountAsync(TopicStore.Stream, cancellationToken);
        var corpus = await BuildCorpusAsync(cancellationToken);
        if (corpus.Count == 0)
        {
            return null;
        }

        var selection = await Task.Run(() => TopicCountSelection.Fit(corpus, settings), cancellationToken);
        var fit = selection.Fit;
        var trainedAt = time.GetUtcNow();
        var version = "lda-" + trainedAt.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);

        // The serving model is measured again on today's documents: coherence depends on the corpus, not only the model.
        var current = await ReadServingModelAsync(cancellationToken);
        double? currentCoherence = current is null ? null : TopicCoherence.Npmi(current.Topics, corpus, settings.TopWords);
        if (current is not null && currentCoherence is { } servingCoherence && selection.Coherence < servingCoherence - settings.CoherenceTolerance)
        {
            await documents.PutAsync(
                TopicStore.ModelCollection, TopicStore.ServingModelId, current with { EvidenceCount = evidence, CheckedAt = trainedAt }, cancellationToken);
            await PublishTrainedAsync(version, corpus.Count, selection, clock.Elapsed, requestId, promoted: false, currentCoherence, cancellationToken);
            TopicTelemetry.Candidates.Add(1, new KeyValuePair<string, object?>("outcome", "rejected"));
            Log.NotPromoted(logger, version, selection.Coherence, current.ModelVersion, servingCoherence, corpus.Count);
            return new ModelCheckpoint(trainedAt, evidence);
        }

        foreach (var user in fit.Users)
        {
            var label = fit.Topics[user.DominantTopic].Label;
            var slice = new TopicsSlice(version, user.Mixture, user.DominantTopic, label, trainedAt);
            await documents.PutAsync(TopicStore.UserTopicsCollection, user.UserId, slice, cancellationToken);
            await profiles.WriteSliceAsync(user.UserId, slice, cancellationToken);
            await bus.Publish(
                new UserTopicsUpdated(StableIds.From("tailor.topic.user", version, user.UserId), user.UserId, trainedAt, version, user.Mixture, user.DominantTopic, label),
                cancellationToken);
        }

        // Written last: a training that stops half way leaves the previous model serving and due for retraining.
        var serving = new TopicServingModel(version, trainedAt, evidence, corpus.Count, fit.Topics, selection.Coherence);
        await documents.PutAsync(TopicStore.ModelCollection, TopicStore.ServingModelId, serving, cancellationToken);
        await PublishTrainedAsync(version, corpus.Count, selection, clock.Elapsed, requestId, promoted: true, currentCoherence, cancellationToken);

        TopicTelemetry.Candidates.Add(1, new KeyValuePair<string, object?>("outcome", "promoted"));
        // Tagged with the version, so a dashboard lines up each model's quality and data size with its promotion.
        var versionTag = new KeyValuePair<string, object?>(TopicTelemetry.VersionTag, version.ToString());
        TopicTelemetry.Coherence.Record(selection.Coherence, versionTag);
        TopicTelemetry.TrainingDuration.Record(clock.Elapsed.TotalSeconds, versionTag);
        TopicTelemetry.Documents.Record(corpus.Count, versionTag);
        activity?.SetTag("tailor.model.version", version);
        activity?.SetTag("tailor.model.documents", corpus.Count);
        Log.Trained(logger, version, fit.Topics.Count, corpus.Count, clock.Elapsed.TotalSeconds);
        return serving.Checkpoint;
    }

    private Task PublishTrainedAsync(
        string version,
        int documentCount,
        TopicSelection selection,
        TimeSpan duration,
        Guid? requestId,
        bool promoted,
        double? previousCoherence,
        CancellationToken cancellationToken) =>
        bus.Publish(
            new TopicModelTrained(
                StableIds.From("tailor.topic.trained", version), time.GetUtcNow(), version, documentCount, selection.Fit.Topics, duration,
                requestId, selection.Coherence, promoted, previousCoherence),
            cancellationToken);

    private async Task<IReadOnlyList<UserDocument>> BuildCorpusAsync(CancellationToken cancellationToken)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var (itemId, entry) in documents.ListAsync<CatalogEntry>(TopicStore.CatalogCollection, cancellationToken))
        {
            titles[itemId] = entry.Title;
        }

        var builder = new UserDocumentBuilder(titles);
        await foreach (var activity in events.ReadMessagesAsync<UserActivityTracked>(new EventQuery(TopicStore.Stream), cancellationToken))
        {
            builder.Add(activity);
        }

        return builder.Build();
    }
}
