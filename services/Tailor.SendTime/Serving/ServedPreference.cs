using Tailor.SendTime.Model;

namespace Tailor.SendTime.Serving;

/// <summary>
/// Turns a user's hierarchy posterior into the preference SendTime serves, as the chosen model places sends:
/// <list type="bullet">
/// <item>hierarchy-week: the posterior, each hour weighted by its ±1 h window (see AroundEachHour).</item>
/// <item>hierarchy-day: the same hours of the day on every weekday (the posterior folded to a day, each hour weighted by its ±1 h window), each weekday keeping its share.</item>
/// <item>gbt: each weekday's hours weighted by the learned model's scores, each weekday keeping the posterior's share.</item>
/// </list>
/// Keeping the weekday shares keeps exploration (which draws days first) and a reader's cross-day windows meaningful.
/// </summary>
public sealed class ServedPreference : IDisposable
{
    private readonly LearnedHourModel? _learned;

    /// <summary>The share of an hour's served weight that is its own rather than its ±1 h window's: a tie-break.</summary>
    public const double OwnHourShare = 0.1;

    private readonly bool _ownsLearned;

    private ServedPreference(ServedModelChoice choice, LearnedHourModel? learned, bool isDefault, bool ownsLearned = true)
    {
        Choice = choice;
        _learned = learned;
        IsDefault = isDefault;
        _ownsLearned = ownsLearned;
    }

    public ServedModelChoice Choice { get; }

    public string Model => Choice.Model;

    /// <summary>Whether no model directory was configured, so the champion serves by default.</summary>
    public bool IsDefault { get; }

    public static ServedPreference HierarchyWeek { get; } = new(ServedModelChoice.Default, null, isDefault: true);

    /// <summary>The model chosen in <paramref name="modelDirectory"/>; the hierarchy over the week when none is given.</summary>
    public static ServedPreference Load(string? modelDirectory)
    {
        if (string.IsNullOrWhiteSpace(modelDirectory))
        {
            return HierarchyWeek;
        }

        if (!ServedModelChoice.TryRead(modelDirectory, out var choice, out var problem))
        {
            throw new InvalidOperationException(problem);
        }

        var learned = choice.Model == LearnedSendTime.Name
            ? LearnedHourModel.Load(Path.Combine(modelDirectory, ServedModelChoice.LearnedFileName))
            : null;
        return new ServedPreference(choice, learned, isDefault: false);
    }

    /// <summary>
    /// Serves <paramref name="model"/> as SendTime would once the evaluation saved it as its choice: how the evaluation
    /// scores each candidate. <paramref name="learned"/> is the learned model's trees, required for <c>gbt</c> and
    /// owned by the caller (this preference does not dispose them).
    /// </summary>
    public static ServedPreference For(string model, LearnedHourModel? learned)
    {
        if (!ServedModelChoice.Servable.Contains(model, StringComparer.Ordinal))
        {
            throw new ArgumentException($"SendTime serves {string.Join(", ", ServedModelChoice.Servable)}, not '{model}'.", nameof(model));
        }

        if (model == LearnedSendTime.Name && learned is null)
        {
            throw new ArgumentException("Serving the learned model needs its trees.", nameof(learned));
        }

        return new ServedPreference(ServedModelChoice.Default with { Model = model }, model == LearnedSendTime.Name ? learned : null, isDefault: false, ownsLearned: false);
    }

    /// <param name="own">The user's own (weighted) counts over the week.</param>
    /// <param name="events">How many events those counts hold: what the learned model was trained to read as evidence.</param>
    /// <param name="posterior">Their hierarchy posterior over the week (sums to 1).</param>
    /// <param name="population">The population's counts over the week.</param>
    public double[] Shape(IReadOnlyList<double> own, long events, double[] posterior, IReadOnlyList<double> population)
    {
        ArgumentNullException.ThrowIfNull(posterior);
        switch (Model)
        {
            case SendTimeModels.HierarchyDay:
                var day = AroundEachHour(WeekHours.FoldToDay(posterior));
                return Spread(posterior, _ => day);
            case LearnedSendTime.Name:
                var features = new HourFeatures(own, events, posterior, population);
                return Spread(posterior, weekday => [.. _learned!.ScoreDay(features, weekday).Select(score => (double)score)]);
            default:
                return AroundEachHour(posterior);
        }
    }

    public void Dispose()
    {
        if (_ownsLearned)
        {
            _learned?.Dispose();
        }
    }

    /// <summary>
    /// Each hour weighted by the preference within an hour of it (<see cref="BestWindow.Masses"/>), with
    /// <see cref="OwnHourShare"/> of its own weight kept: an email sent at an hour is read in the hours around it, so the
    /// planner's best hour is the best ±1 h window, and among windows of equal mass (a user seen only at 10:00 has
    /// three) the hour the user is seen at.
    /// </summary>
    private static double[] AroundEachHour(double[] weights)
    {
        var windows = BestWindow.Masses(weights);
        return [.. windows.Select((window, hour) => ((1 - OwnHourShare) * window) + (OwnHourShare * weights[hour]))];
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
