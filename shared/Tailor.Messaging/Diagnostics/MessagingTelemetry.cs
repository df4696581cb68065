namespace Tailor.Messaging.Diagnostics;

/// <summary>The meter of the broker-side measurements (queue depth); <c>Tailor.*</c> is what the service defaults export.</summary>
public static class MessagingTelemetry
{
    public const string Name = "Tailor.Messaging";

    public const string QueueMessagesName = "tailor.messaging.queue.messages";
    public const string QueueConsumersName = "tailor.messaging.queue.consumers";

    /// <summary>The queue a measurement is about, in OpenTelemetry's messaging terms.</summary>
    public const string QueueTag = "messaging.destination.name";
}
