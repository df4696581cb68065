namespace Tailor.SendTime.Evaluation;

/// <summary>A model's send hour for a user on a local weekday (0 = Monday): a local hour of the day, 0–23.</summary>
/// <param name="UsesWeekdays">Whether the hour depends on the weekday (reported, so a reader knows how it was judged).</param>
public sealed record SendTimePredictor(string Name, bool UsesWeekdays, Func<string, string?, int, int> HourFor);
