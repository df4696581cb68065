using Tailor.SendTime.Evaluation;
using Tailor.SendTime.Model;

namespace Tailor.SendTime.Serving;

/// <summary>
/// Turns a user's hierarchy posterior into the preference SendTime serves, as the chosen model places sends:
/// <list type="bullet">
/// <item>hierarchy-week: the posterior itself, the best hour of each weekday.</item>
/// <item>hierarchy-day: the same hours of the day on every weekday (the posterior folded to a day), each weekday keeping its share.</item>
/// <item>gbt: each weekday's hours weighted by the learned model's scores, each weekday keeping the posterior's share.</item>
/// </list>
/// Keeping the weekday shares keeps exploration (which draws days first) and a reader's cross-day windows meaningful.
/// </summary>
public sealed class ServedPreference
{
    private readonly LearnedHourModel? _learned;

    private ServedPreference(ServedModelChoice choice, LearnedHourModel? learned)
    {
        Choice = choice;
        _learned = learned;
    }

    public ServedModelChoice Choice { get; }

    public string Model => Choice.Model;

    public static ServedPreference HierarchyWeek { get; } = new(ServedModelChoice.Default, null);

    /// <summary>The model chosen in <paramref name="modelDirectory"/>; the hierarchy over the week when none is given.</summary>
    public static ServedPreference Load(string? modelDirectory)
    {
        if (string.IsNullOrWhiteSpace(modelDirectory))
        {
            return HierarchyWeek;
        }

        var choice = ServedModelChoice.Read(modelDirectory, out var problem);
        if (problem is not null)
        {
            throw new InvalidOperationException(problem);
        }

        var learned = choice.Model == LearnedSendTime.Name
            ? LearnedHourModel.Load(Path.Combine(modelDirectory, ServedModelChoice.LearnedFileName))
            : null;
        return new ServedPreference(choice, learned);
    }

    /// <param name="own">The user's own counts over the week.</param>
    /// <param name="posterior">Their hierarchy posterior over the week (sums to 1).</param>
    /// <param name="population">The population's counts over the week.</param>
    public double[] Shape(IReadOnlyList<double> own, double[] posterior, IReadOnlyList<double> population)
    {
        ArgumentNullException.ThrowIfNull(posterior);
        return Model switch
        {
            SendTimeModels.HierarchyDay => Spread(posterior, _ => WeekHours.FoldToDay(posterior)),
            LearnedSendTime.Name => Spread(posterior, weekday => [.. _learned!.ScoreDay(hour => HourFeatures.For(own, posterior, population, weekday, hour)).Select(score => (double)score)]),
            _ => posterior,
        };
    }

    // Each weekday keeps the posterior's share of the week, spread over its hours as hoursOf(weekday) says.
    private static double[] Spread(double[] posterior, Func<int, double[]> hoursOf)
    {
        var shaped = new double[WeekHours.Count];
        for (var weekday = 0; weekday < WeekHours.Days; weekday++)
        {
            var start = weekday * WeekHours.PerDay;
            var dayShare = posterior.AsSpan(start, WeekHours.PerDay).ToArray().Sum();
            var hours = hoursOf(weekday).Select(value => Math.Max(value, 0)).ToArray();
            if (hours.Sum() <= 0)
            {
                // A learned day with no positive score says nothing: the posterior's own hours stand.
                hours = posterior.AsSpan(start, WeekHours.PerDay).ToArray();
            }

            var shares = WeekHours.Normalize(hours);
            for (var hour = 0; hour < WeekHours.PerDay; hour++)
            {
                shaped[start + hour] = dayShare * shares[hour];
            }
        }

        return shaped;
    }
}
