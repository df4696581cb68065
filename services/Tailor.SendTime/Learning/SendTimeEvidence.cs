namespace Tailor.SendTime.Learning;

/// <summary>One event that says the user was around at <paramref name="HourOfWeek"/>, worth <paramref name="Weight"/>.</summary>
public readonly record struct SendTimeEvidence(string UserId, int HourOfWeek, double Weight);
