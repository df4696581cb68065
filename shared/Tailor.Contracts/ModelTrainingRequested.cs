namespace Tailor.Contracts;

/// <summary>
/// Someone (an operator, the demo, a schedule) asks every model-owning service to train now on all it has.
/// Services answer with their <c>*Trained</c> event carrying <paramref name="EventId"/> as its <c>RequestId</c>.
/// </summary>
public record ModelTrainingRequested(Guid EventId, DateTimeOffset OccurredAt, string Reason);
