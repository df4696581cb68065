using Tailor.Messaging;

namespace Tailor.SendTime.Consumers;

public sealed class UserIdentifiedConsumerDefinition : TailorConsumerDefinition<UserIdentifiedConsumer>
{
    public UserIdentifiedConsumerDefinition() => ConcurrentMessageLimit = 4;
}
