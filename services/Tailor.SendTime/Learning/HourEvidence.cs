namespace Tailor.SendTime.Learning;

/// <summary>What one event adds to counts: weight at a local hour of the week, and whether it is a new occurrence.</summary>
/// <param name="IsOccurrence">
/// True for the first evidence of an hour (<see cref="EvidenceOccurrences"/>): the counts gain an event. False when a
/// heavier event of an hour already counted raises its weight: the counts gain the difference and no event.
/// </param>
public readonly record struct HourEvidence(int HourOfWeek, double Weight, bool IsOccurrence = true);
