using MassTransit;
using Tailor.Contracts;
using Tailor.Recommendation.Training;
using Tailor.Storage;

namespace Tailor.Recommendation.Consumers;

/// <summary>Keeps each user's dominant topic label, so a popular pick can say it is popular in their topic.</summary>
public sealed class UserTopicsUpdatedConsumer(IDocumentStore documents) : IConsumer<UserTopicsUpdated>
{
    public async Task Consume(ConsumeContext<UserTopicsUpdated> context)
    {
        // What reaches it names a user and is dated in the accepted range (MessageRules): a label dated ahead would stay.
        var message = context.Message;
        var cancellationToken = context.CancellationToken;
        var stored = await documents.FindAsync<UserTopic>(RecommendationStore.UserTopicsCollection, message.UserId, cancellationToken);

        // Storing is idempotent and the newer label stays, so a redelivery or a late message needs no inbox record.
        if (stored is null || stored.OccurredAt <= message.OccurredAt)
        {
            await documents.PutAsync(
                RecommendationStore.UserTopicsCollection, message.UserId,
                new UserTopic(message.DominantLabel, message.ModelVersion, message.OccurredAt), cancellationToken);
        }
    }
}
