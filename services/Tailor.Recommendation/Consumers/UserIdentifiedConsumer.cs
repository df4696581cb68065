using MassTransit;
using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.Recommendation.Training;
using Tailor.Storage;

namespace Tailor.Recommendation.Consumers;

/// <summary>
/// Remembers every known user, so a training gives each one recommendations; a user identified after a training
/// gets the serving model's popular items at once instead of waiting for the next one.
/// </summary>
public sealed class UserIdentifiedConsumer(
    IEventStore events,
    IDocumentStore documents,
    UserRecommendationsWriter writer,
    ILogger<UserIdentifiedConsumer> logger) : IConsumer<UserIdentified>
{
    public async Task Consume(ConsumeContext<UserIdentified> context)
    {
        var message = context.Message;
        ArgumentException.ThrowIfNullOrWhiteSpace(message.UserId, nameof(context));
        var ct = context.CancellationToken;
        if (!await events.RecordAsync(RecommendationStore.Stream, message.EventId, message.UserId, message.OccurredAt, message, ct))
        {
            return;
        }

        var serving = await documents.FindAsync<ServingModel>(RecommendationStore.ModelCollection, RecommendationStore.ServingModelId, ct);
        if (serving is null || await writer.HasRecommendationsAsync(message.UserId, ct))
        {
            return;
        }

        await writer.WriteAsync(message.UserId, serving.ModelVersion, serving.Popular, ct);
        Log.PopularForNewUser(logger, message.UserId, serving.ModelVersion);
    }
}
