using Tailor.Messaging;

namespace Tailor.SampleSender.Consumers;

public sealed class UserErasedConsumerDefinition : TailorConsumerDefinition<UserErasedConsumer>
{
    public UserErasedConsumerDefinition()
    {
        ConcurrentMessageLimit = 4;
    }
}
