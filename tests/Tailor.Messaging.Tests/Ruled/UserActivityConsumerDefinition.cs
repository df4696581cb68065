using Tailor.Messaging.Tests.ServiceA;

namespace Tailor.Messaging.Tests.Ruled;

/// <summary>A plain consumer with a Tailor definition, as every service's is: what reaches it passed <c>MessageRules</c>.</summary>
public sealed class UserActivityConsumerDefinition : TailorConsumerDefinition<UserActivityConsumer>;
