using Tailor.Recommendation.Evaluation;
using Tailor.Recommendation.Scoring;

namespace Tailor.Host.Evaluation;

/// <summary>
/// The interactions an evaluation trains and tests on: each file read once (one read when both name the same file),
/// training cut at <c>--until</c> and test at <c>--from</c>, or the training file divided by <c>--split</c>.
/// </summary>
public sealed record EvaluationData(InteractionFile TrainFile, InteractionFile TestFile, IReadOnlyList<Interaction> Train, IReadOnlyList<Interaction> Test)
{
    public static EvaluationData Load(EvalRecommendOptions options, string command)
    {
        ArgumentNullException.ThrowIfNull(options);
        var train = InteractionFile.Read(options.Train);
        if (options.Split is { Kind: not SplitKind.Time } split)
        {
            var (kept, held) = split.Kind is SplitKind.Random
                ? DataSplits.Random(train.Interactions, split.TestShare, options.Seed)
                : DataSplits.PerUserLast(train.Interactions);
            if (kept.Count == 0 || held.Count == 0)
            {
                throw new ArgumentException(
                    $"{command}: --split {split} left {(kept.Count == 0 ? "no training" : "no test")} interactions in {options.Train.Name}"
                    + (split.Kind is SplitKind.PerUserLast ? " (only users with two or more baskets are held out)." : "."));
            }

            return new EvaluationData(train, train, kept, held);
        }

        var test = options.Test.FullName == options.Train.FullName ? train : InteractionFile.Read(options.Test);
        var trainInteractions = train.Interactions.Where(interaction => options.Until is not { } until || interaction.At < until).ToList();
        if (trainInteractions.Count == 0)
        {
            throw new ArgumentException($"{command}: no training interactions in {options.Train.Name}{(options.Until is { } u ? $" before {u:yyyy-MM-dd}" : string.Empty)}.");
        }

        return new EvaluationData(train, test, trainInteractions, [.. test.Interactions.Where(interaction => options.From is not { } from || interaction.At >= from)]);
    }
}
