using System.Globalization;

namespace Tailor.Host.Evaluation;

/// <summary>
/// <c>tailor eval recommend --train FILE --test FILE [--json] [--until DATE] [--from DATE] [--no-content] [--tune]</c>.
/// <c>--until</c> keeps training interactions before a date and <c>--from</c> test interactions from a date on, so one
/// file can be split in time without writing two. <c>--split random:SHARE</c> (drawn with <c>--seed</c>) or
/// <c>--split per-user-last</c> holds out part of the training file instead, the way the literature evaluates; then
/// <c>--test</c> may be left out. <c>eval send-time</c> reads the same options but the split ones, plus <c>--save-model DIR</c>.
/// </summary>
/// <param name="Seed">Seeds the random split only (the models keep their own seed).</param>
public sealed record EvalRecommendOptions(
    FileInfo Train,
    FileInfo Test,
    bool Json,
    DateTimeOffset? Until,
    DateTimeOffset? From,
    bool Content,
    bool Tune,
    double? Diversity = null,
    string? SaveModel = null,
    EvaluationSplit? Split = null,
    int Seed = EvalRecommendOptions.DefaultSeed)
{
    public const string Usage =
        "eval recommend --train FILE [--test FILE] [--json] [--until YYYY-MM-DD] [--from YYYY-MM-DD] [--split time|random:SHARE|per-user-last] [--seed N] [--no-content] [--tune] [--diversity LAMBDA]";

    public const int DefaultSeed = 42;

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
        EvaluationSplit? split = null;
        int? seed = null;
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
                case "--split" when value is not null:
                    split = EvaluationSplit.Parse(value, command);
                    i++;
                    break;
                case "--seed" when value is not null:
                    seed = int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var drawn)
                        ? drawn
                        : throw new ArgumentException($"{command}: --seed '{value}' must be a whole number.");
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
                    diversity = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var lambda) && lambda is >= 0 and <= 1
                        ? lambda
                        : throw new ArgumentException($"{command}: --diversity '{value}' must be a number from 0 to 1 (MMR's lambda; 1 is off).");
                    i++;
                    break;
                default:
                    throw new ArgumentException($"{command}: unknown or incomplete option '{args[i]}'. Usage: tailor {usage}");
            }
        }

        var holdsOut = split is { Kind: not SplitKind.Time };
        if (split is not null && command != "eval recommend")
        {
            throw new ArgumentException($"{command}: --split is an option of eval recommend. Usage: tailor {usage}");
        }

        if (seed is not null && split?.Kind is not SplitKind.Random)
        {
            throw new ArgumentException($"{command}: --seed draws a random split; give it with --split random:SHARE. Usage: tailor {usage}");
        }

        if (holdsOut && (until is not null || from is not null))
        {
            throw new ArgumentException($"{command}: --split {split} holds out part of --train; --until and --from cut in time, give one or the other.");
        }

        if (holdsOut && train is not null && test is not null && test.FullName != train.FullName)
        {
            throw new ArgumentException($"{command}: --split {split} holds out part of --train as the test; leave --test out or name the same file.");
        }

        test ??= holdsOut ? train : null;
        if (train is null || test is null)
        {
            throw new ArgumentException($"{command} needs --train and --test. Usage: tailor {usage}");
        }

        foreach (var file in new[] { train, test }.Where(file => !file.Exists))
        {
            throw new ArgumentException($"{command}: '{file.FullName}' does not exist.");
        }

        return new EvalRecommendOptions(train, test, json, until, from, content, tune, diversity, saveModel, split, seed ?? DefaultSeed);
    }

    private static DateTimeOffset Date(string value, string option, string command) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : throw new ArgumentException($"{command}: {option} '{value}' is not a date (YYYY-MM-DD).");
}
