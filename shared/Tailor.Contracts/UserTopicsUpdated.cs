namespace Tailor.Contracts;

/// <summary>A user's topic mixture under <paramref name="ModelVersion"/>; <paramref name="Mixture"/> sums to 1.</summary>
public record UserTopicsUpdated(
    Guid EventId,
    string UserId,
    DateTimeOffset OccurredAt,
    string ModelVersion,
    IReadOnlyList<double> Mixture,
    int DominantTopic,
    string DominantLabel) : IUserEvent;
