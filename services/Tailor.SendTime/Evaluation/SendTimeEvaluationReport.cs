using Tailor.SendTime.Model;

namespace Tailor.SendTime.Evaluation;

/// <summary>What <c>eval send-time</c> found: the rows, which model serves and why, and the prior strengths fitted on the training data.</summary>
/// <param name="Learned">The learned model trained on all the training activity (what serves when it is chosen); null with too little history.</param>
/// <param name="ValidationScores">Each candidate's hit rate on the last stretch of training, which chose <paramref name="Served"/>.</param>
/// <param name="Scores">Every model's score for every test user, what the rows summarise (months are pooled from them).</param>
public sealed record SendTimeEvaluationReport(
    IReadOnlyList<SendTimeEvaluationRow> Rows,
    string Served,
    IReadOnlyDictionary<string, double> ValidationScores,
    PriorStrengths Strengths,
    LearnedHourModel? Learned = null,
    IReadOnlyList<UserHitRate>? Scores = null);
