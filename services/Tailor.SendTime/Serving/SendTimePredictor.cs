namespace Tailor.SendTime.Serving;

/// <summary>
/// A model's send hour for a user (with the country the data gives them) on the local day of an instant: a local hour
/// of the day, 0–23.
/// </summary>
public sealed record SendTimePredictor(string Name, Func<string, string?, DateTimeOffset, int> HourFor);
