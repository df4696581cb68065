namespace Tailor.SendTime.Evaluation;

/// <summary>One model's score for one test user: the share of their test occurrences within ±1 hour of the send hour.</summary>
/// <param name="TrainingEvents">How many occurrences the user had in training (0: never seen).</param>
public sealed record UserHitRate(string Model, string UserId, long TrainingEvents, double Share);
