using System.Diagnostics.CodeAnalysis;
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

    // A hand-edited file missing a field is refused rather than read as defaults.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    /// <summary>
    /// Writes the evaluation's choice, and the learned model when there is one, into <paramref name="directory"/>.
    /// Each file is written beside its final name and then moved over it, so a SendTime starting meanwhile reads the
    /// old file or the new one, never half of one; the model goes first, so a choice never names trees not yet there.
    /// </summary>
    public static void Save(string directory, SendTimeEvaluationReport report, DateTimeOffset chosenAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(report);
        if (report.Served == LearnedSendTime.Name && report.Learned is null)
        {
            throw new InvalidOperationException("The evaluation chose the learned model but has none to save.");
        }

        Directory.CreateDirectory(directory);
        if (report.Learned is { } learned)
        {
            ReplaceFile(Path.Combine(directory, LearnedFileName), learned.Save);
        }

        var choice = new ServedModelChoice(report.Served, chosenAt, report.ValidationScores);
        ReplaceFile(Path.Combine(directory, FileName), path => File.WriteAllText(path, JsonSerializer.Serialize(choice, Json)));
    }

    /// <summary>Reads the choice in <paramref name="directory"/>, or says in one sentence why it cannot be served.</summary>
    public static bool TryRead(string directory, [NotNullWhen(true)] out ServedModelChoice? choice, [NotNullWhen(false)] out string? problem)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var path = Path.Combine(directory, FileName);
        (choice, problem) = (null, null);
        if (!File.Exists(path))
        {
            problem = $"'{path}' does not exist: write it with `tailor eval send-time ... --save-model {directory}`.";
            return false;
        }

        try
        {
            choice = JsonSerializer.Deserialize<ServedModelChoice>(File.ReadAllText(path), Json);
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException)
        {
            problem = $"'{path}' is not a send-time model choice: {exception.Message}";
            return false;
        }

        if (choice is null)
        {
            problem = $"'{path}' is empty (null).";
        }
        else if (!Servable.Contains(choice.Model, StringComparer.Ordinal))
        {
            problem = $"'{path}' names model '{choice.Model}'; SendTime serves {string.Join(", ", Servable)}.";
        }
        else if (choice.Model == LearnedSendTime.Name && !File.Exists(Path.Combine(directory, LearnedFileName)))
        {
            problem = $"'{path}' chooses the learned model, but '{Path.Combine(directory, LearnedFileName)}' is missing.";
        }

        return problem is null;
    }

    private static void ReplaceFile(string path, Action<string> write)
    {
        var partial = $"{path}.{Guid.NewGuid():N}.partial";
        write(partial);
        File.Move(partial, path, overwrite: true);
    }
}
