using Tailor.Messaging;

namespace Tailor.Embedding.Consumers;

public sealed class UserErasedConsumerDefinition : TailorConsumerDefinition<UserErasedConsumer>
{
    public UserErasedConsumerDefinition()
    {
        ConcurrentMessageLimit = 4;
    }
}
