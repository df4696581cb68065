namespace Tailor.Contracts;

/// <summary>Asks Recommendation to serve the model it served before the current one again (an operator's undo).</summary>
public record RecommenderRollbackRequested(Guid EventId, DateTimeOffset OccurredAt);

/// <summary>Recommendation serves <paramref name="ToVersion"/> again, and every user's lists are its lists.</summary>
/// <param name="FromVersion">The model that served until now; it is kept, so a second rollback rolls forward.</param>
/// <param name="RequestId">The <see cref="RecommenderRollbackRequested"/> this answers.</param>
public record RecommenderRolledBack(Guid EventId, DateTimeOffset OccurredAt, string FromVersion, string ToVersion, int Users, Guid RequestId);

/// <summary>
/// Recommendation changed nothing: there is no model to roll back to (the first trained model serves, or none does).
/// A refusal, not a failure, so it is an answer and an event rather than a fault in an <c>_error</c> queue.
/// </summary>
/// <param name="Reason">Why, in words an operator can act on.</param>
/// <param name="RequestId">The <see cref="RecommenderRollbackRequested"/> this answers.</param>
public record RecommenderRollbackRefused(Guid EventId, DateTimeOffset OccurredAt, string Reason, Guid RequestId);
