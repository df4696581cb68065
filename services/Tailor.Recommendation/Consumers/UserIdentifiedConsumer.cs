using MassTransit;
using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.Recommendation.Training;
using Tailor.Storage;
using Tailor.Messaging;

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
        InvalidMessageException.ThrowIfBlank(message.UserId, message.EventId);
        var ct = context.CancellationToken;

        // Only the user id is kept: the email address and traits belong to Ingestion, not to this service's log.
        var known = message with { Email = null, FirstName = null, Traits = new Dictionary<string, string>() };
        await events.HandleOnceAsync(RecommendationStore.Stream, message.EventId, message.UserId, message.OccurredAt, known, GivePopularItemsAsync, ct);

        async Task GivePopularItemsAsync(CancellationToken token)
        {
            var serving = await documents.FindAsync<ServingModel>(RecommendationStore.ModelCollection, RecommendationStore.ServingModelId, token);
            if (serving is null || await writer.HasRecommendationsAsync(message.UserId, token))
            {
                return;
            }

            await writer.WriteAsync(message.UserId, serving.ModelVersion, serving.Popular, token);
            Log.PopularForNewUser(logger, message.UserId, serving.ModelVersion);
        }
    }
}
