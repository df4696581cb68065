using Tailor.Messaging;

namespace Tailor.ContentGeneration.Consumers;

public sealed class UserErasedConsumerDefinition : TailorConsumerDefinition<UserErasedConsumer>
{
    public UserErasedConsumerDefinition() => ConcurrentMessageLimit = 4;
}
