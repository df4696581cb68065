using System.Globalization;

namespace Tailor.Host.Evaluation;

/// <summary>
/// <c>tailor eval recommend --train FILE --test FILE [--json] [--until DATE] [--from DATE] [--no-content] [--tune]</c>.
/// <c>--until</c> keeps training interactions before a date and <c>--from</c> test interactions from a date on, so one
/// file can be split in time without writing two. <c>eval send-time</c> reads the same options, plus <c>--save-model DIR</c>.
/// </summary>
public sealed record EvalRecommendOptions(FileInfo Train, FileInfo Test, bool Json, DateTimeOffset? Until, DateTimeOffset? From, bool Content, bool Tune, double? Diversity = null, string? SaveModel = null)
{
    public const string Usage = "eval recommend --train FILE --test FILE [--json] [--until YYYY-MM-DD] [--from YYYY-MM-DD] [--no-content] [--tune] [--diversity LAMBDA]";

    /// <param name="command">The command the errors name (eval send-time reads the same options).</param>
    /// <param name="usage">The usage line the errors show.</param>
    public static EvalRecommendOptions Parse(IReadOnlyList<string> args, string command = "eval recommend", string usage = Usage)
    {
        ArgumentNullException.ThrowIfNull(args);
        FileInfo? train = null;
        FileInfo? test = null;
        var json = false;
        var content = true;
        var tune = false;
        double? diversity = null;
        string? saveModel = null;
        DateTimeOffset? until = null;
        DateTimeOffset? from = null;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--train" when value is not null:
                    train = new FileInfo(Path.GetFullPath(value));
                    i++;
                    break;
                case "--test" when value is not null:
                    test = new FileInfo(Path.GetFullPath(value));
                    i++;
                    break;
                case "--until" when value is not null:
                    until = Date(value, "--until", command);
                    i++;
                    break;
                case "--from" when value is not null:
                    from = Date(value, "--from", command);
                    i++;
                    break;
                case "--save-model" when value is not null && !value.StartsWith("--", StringComparison.Ordinal):
                    saveModel = Path.GetFullPath(value);
                    i++;
                    break;
                case "--json":
                    json = true;
                    break;
                case "--no-content":
                    content = false;
                    break;
                case "--tune":
                    tune = true;
                    break;
                case "--diversity" when value is not null:
                    diversity = double.TryParse(value, System.Globalization.NumberStyles.Float, CultureInfo.InvariantCulture, out var lambda) && lambda is >= 0 and <= 1
                        ? lambda
                        : throw new ArgumentException($"{command}: --diversity '{value}' must be a number from 0 to 1 (MMR's lambda; 1 is off).");
                    i++;
                    break;
                default:
                    throw new ArgumentException($"{command}: unknown or incomplete option '{args[i]}'. Usage: tailor {usage}");
            }
        }

        if (train is null || test is null)
        {
            throw new ArgumentException($"{command} needs --train and --test. Usage: tailor {usage}");
        }

        foreach (var file in new[] { train, test }.Where(file => !file.Exists))
        {
            throw new ArgumentException($"{command}: '{file.FullName}' does not exist.");
        }

        return new EvalRecommendOptions(train, test, json, until, from, content, tune, diversity, saveModel);
    }

    private static DateTimeOffset Date(string value, string option, string command) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : throw new ArgumentException($"{command}: {option} '{value}' is not a date (YYYY-MM-DD).");
}
