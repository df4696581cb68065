namespace Tailor.Training.Consumers;

/// <summary>Queue names of the consumers every model-owning service shares.</summary>
internal static class ModelEndpoints
{
    /// <summary>
    /// MassTransit names a generic consumer's queue after its last type argument alone, which all of a service's
    /// shared consumers have in common; naming the queue after the service's stream and the message keeps one queue
    /// per service and message, so each service gets its own copy of every message.
    /// </summary>
    public static string For<TTrainer>(string message)
        where TTrainer : IModelTrainer =>
        $"{TTrainer.Stream}-{message}";
}
