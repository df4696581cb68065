using MassTransit;
using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.Recommendation.Content;
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
        var known = KnownUser.From(message);

        // Recorded after the popular items are written, so a failed write is retried; writing them again after a crash
        // in between republishes the same RecommendationsUpdated (its id comes from the model version and the user).
        await events.HandleOnceAsync(RecommendationStore.Stream, known, GivePopularItemsAsync, context.CancellationToken);

        async Task GivePopularItemsAsync(CancellationToken cancellationToken)
        {
            var serving = await documents.FindAsync<ServingModel>(RecommendationStore.ModelCollection, RecommendationStore.ServingModelId, cancellationToken);
            if (serving is null || await writer.SourceAsync(message.UserId, cancellationToken) is not null)
            {
                return;
            }

            await writer.WriteAsync(
                message.UserId, serving.ModelVersion, serving.Popular, RecommendationSource.Popular,
                UserRecommendationsWriter.TrainedEventId(serving.ModelVersion, message.UserId), cancellationToken);
            Log.PopularForNewUser(logger, message.UserId, serving.ModelVersion);
        }
    }
}
