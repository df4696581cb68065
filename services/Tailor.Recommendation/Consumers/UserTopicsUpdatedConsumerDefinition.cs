using Tailor.Messaging;

namespace Tailor.Recommendation.Consumers;

public sealed class UserTopicsUpdatedConsumerDefinition : TailorConsumerDefinition<UserTopicsUpdatedConsumer>
{
    public UserTopicsUpdatedConsumerDefinition() => ConcurrentMessageLimit = 16;
}
