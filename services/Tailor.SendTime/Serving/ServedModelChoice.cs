using System.Text.Json;
using Tailor.SendTime.Evaluation;

namespace Tailor.SendTime.Serving;

/// <summary>
/// Which send-time model SendTime serves, as the offline evaluation chose it (<c>eval send-time --save-model DIR</c>
/// writes <see cref="FileName"/>, and the learned model's trees as <see cref="LearnedFileName"/>). SendTime reads it
/// from <c>Tailor:SendTime:ModelDirectory</c> at start; without one it serves <see cref="SendTimeEvaluation.Champion"/>.
/// </summary>
/// <param name="Model">hierarchy-week, hierarchy-day or gbt.</param>
/// <param name="ValidationScores">Each candidate's mean hit rate on the validation stretches that chose it.</param>
public sealed record ServedModelChoice(string Model, DateTimeOffset ChosenAt, IReadOnlyDictionary<string, double> ValidationScores)
{
    public const string FileName = "sendtime-served.json";
    public const string LearnedFileName = "sendtime-gbt.zip";

    /// <summary>The models SendTime can serve; the evaluation's baselines (global and user hour) are not among them.</summary>
    public static IReadOnlyList<string> Servable { get; } = [SendTimeModels.HierarchyWeek, SendTimeModels.HierarchyDay, LearnedSendTime.Name];

    public static ServedModelChoice Default { get; } = new(SendTimeEvaluation.Champion, DateTimeOffset.MinValue, new Dictionary<string, double>());

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes the evaluation's choice, and the learned model when there is one, into <paramref name="directory"/>.</summary>
    public static void Save(string directory, SendTimeEvaluationReport report, DateTimeOffset chosenAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(directory);
        report.Learned?.Save(Path.Combine(directory, LearnedFileName));
        var choice = new ServedModelChoice(report.Served, chosenAt, report.ValidationScores);
        File.WriteAllText(Path.Combine(directory, FileName), JsonSerializer.Serialize(choice, Json));
    }

    /// <summary>Reads the choice in <paramref name="directory"/>, or says in one sentence why it cannot be served.</summary>
    public static ServedModelChoice Read(string directory, out string? problem)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var path = Path.Combine(directory, FileName);
        problem = null;
        if (!File.Exists(path))
        {
            problem = $"'{path}' does not exist: write it with `tailor eval send-time ... --save-model {directory}`.";
            return Default;
        }

        ServedModelChoice? choice;
        try
        {
            choice = JsonSerializer.Deserialize<ServedModelChoice>(File.ReadAllText(path), Json);
        }
        catch (JsonException exception)
        {
            problem = $"'{path}' is not a send-time model choice: {exception.Message}";
            return Default;
        }

        if (choice is null || !Servable.Contains(choice.Model, StringComparer.Ordinal))
        {
            problem = $"'{path}' names model '{choice?.Model}'; SendTime serves {string.Join(", ", Servable)}.";
            return Default;
        }

        if (choice.Model == LearnedSendTime.Name && !File.Exists(Path.Combine(directory, LearnedFileName)))
        {
            problem = $"'{path}' chooses the learned model, but '{Path.Combine(directory, LearnedFileName)}' is missing.";
            return Default;
        }

        return choice;
    }
}
