using System.Globalization;

namespace Tailor.Host.Evaluation;

/// <summary>How <c>eval recommend --split</c> divides the data into training and test.</summary>
public enum SplitKind
{
    /// <summary>In time: training before <c>--until</c>, test from <c>--from</c> (the default).</summary>
    Time,

    /// <summary>A random share of the interactions, <c>--split random:0.2</c>, drawn with <c>--seed</c>.</summary>
    Random,

    /// <summary>Each user's last basket (all their interactions at their latest time), <c>--split per-user-last</c>.</summary>
    PerUserLast,
}

/// <param name="TestShare">The share of interactions held out by a random split; 0 for the others.</param>
public sealed record EvaluationSplit(SplitKind Kind, double TestShare = 0)
{
    public const string Values = "time, random:SHARE (0 < SHARE < 1, e.g. random:0.2) or per-user-last";

    public static EvaluationSplit Time { get; } = new(SplitKind.Time);

    /// <param name="command">The command the error names.</param>
    public static EvaluationSplit Parse(string value, string command)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value is "time")
        {
            return Time;
        }

        if (value is "per-user-last")
        {
            return new EvaluationSplit(SplitKind.PerUserLast);
        }

        const string random = "random:";
        if (value.StartsWith(random, StringComparison.Ordinal)
            && double.TryParse(value.AsSpan(random.Length), NumberStyles.Float, CultureInfo.InvariantCulture, out var share)
            && share is > 0 and < 1)
        {
            return new EvaluationSplit(SplitKind.Random, share);
        }

        throw new ArgumentException($"{command}: --split '{value}' must be {Values}.");
    }

    public override string ToString() => Kind switch
    {
        SplitKind.Random => string.Create(CultureInfo.InvariantCulture, $"random:{TestShare}"),
        SplitKind.PerUserLast => "per-user-last",
        _ => "time",
    };
}
