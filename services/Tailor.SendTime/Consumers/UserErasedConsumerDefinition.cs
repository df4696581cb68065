using Tailor.Messaging;

namespace Tailor.SendTime.Consumers;

public sealed class UserErasedConsumerDefinition : TailorConsumerDefinition<UserErasedConsumer>
{
    public UserErasedConsumerDefinition() => ConcurrentMessageLimit = 4;
}
