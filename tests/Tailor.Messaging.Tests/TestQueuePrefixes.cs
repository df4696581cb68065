namespace Tailor.Messaging.Tests;

/// <summary>The queue prefix each test "service" declares, as a service's registration declares its own.</summary>
internal static class TestQueuePrefixes
{
    public const string ServiceA = "tailor-messaging-tests-service-a";
    public const string ServiceB = "tailor-messaging-tests-service-b";
    public const string Replicated = "tailor-messaging-tests-replicated";
    public const string Validating = "tailor-messaging-tests-validating";
    public const string Ruled = "tailor-messaging-tests-ruled";
}
