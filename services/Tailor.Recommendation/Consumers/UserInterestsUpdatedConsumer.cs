using MassTransit;
using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.Messaging;
using Tailor.Recommendation.Content;
using Tailor.Recommendation.Training;

namespace Tailor.Recommendation.Consumers;

/// <summary>
/// Cold start: a user the ALS model was not trained on, but whose interests Embedding knows (what they viewed, wrote
/// or bought since the last training), gets the products closest to those interests instead of the popular ones.
/// </summary>
public sealed class UserInterestsUpdatedConsumer(
    ContentRecommendations content,
    UserRecommendationsWriter writer,
    ILogger<UserInterestsUpdatedConsumer> logger) : IConsumer<UserInterestsUpdated>
{
    public async Task Consume(ConsumeContext<UserInterestsUpdated> context)
    {
        var message = context.Message;
        InvalidMessageException.ThrowIfBlank(message.UserId, message.EventId);
        EmbeddedVector.ThrowIfIncomplete(nameof(UserInterestsUpdated), message.EventId, message.Model, message.ModelVersion, message.Vector);

        var cancellationToken = context.CancellationToken;
        if (await writer.SourceAsync(message.UserId, cancellationToken) is RecommendationSource.Personal)
        {
            return;
        }

        var items = await content.ForInterestsAsync(message.Model, message.ModelVersion, message.Vector, cancellationToken);
        if (items.Count == 0)
        {
            return;
        }

        // Writing is idempotent: a redelivery writes the same items and publishes the same event id.
        var modelVersion = ContentRecommendations.ModelVersionFor(message.Model, message.ModelVersion);
        await writer.WriteAsync(
            message.UserId, modelVersion, items, RecommendationSource.Content,
            StableIds.For(message.EventId, nameof(RecommendationsUpdated)), cancellationToken);
        Log.ContentForUser(logger, message.UserId, items.Count, modelVersion);
    }
}
