using Tailor.Messaging;

namespace Tailor.Recommendation.Consumers;

public sealed class UserIdentifiedConsumerDefinition : TailorConsumerDefinition<UserIdentifiedConsumer>
{
    public UserIdentifiedConsumerDefinition() => ConcurrentMessageLimit = 16;
}
