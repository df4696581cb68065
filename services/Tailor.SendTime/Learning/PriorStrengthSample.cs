using Tailor.SendTime.Model;

namespace Tailor.SendTime.Learning;

/// <summary>
/// The users the prior strengths are fitted on, and the fit: a uniform sample (reservoir sampling, seeded) of at most
/// <see cref="SendTimeOptions.FitSampleUsers"/> users with two or more occurrences, each with their cohort's counts,
/// fitted level by level (<see cref="HierarchyFit"/>). SendTime's training and the offline evaluation both fit through
/// it, on counts made by the same fold (<see cref="UserEvidenceFold"/>), so the strengths measured are the ones served.
/// </summary>
public sealed class PriorStrengthSample(int limit, IReadOnlyDictionary<string, HourOfWeekCounts> cohorts)
{
    private readonly List<(IReadOnlyList<double>, IReadOnlyList<double>?)> _sample = [];
    private readonly Random _random = new(1);
    private int _seen;

    /// <summary>Offers one user's state to the sample; fewer than two occurrences tell nothing of self against prior.</summary>
    public void Add(string userId, UserSendTimeState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Counts.EnsureValid(userId).Events < 2)
        {
            return;
        }

        var cohort = state.Country is { } country ? cohorts.GetValueOrDefault(SendTimeDocuments.CohortKey(country)) : null;
        var unit = ((IReadOnlyList<double>)state.Counts.Weights, (IReadOnlyList<double>?)cohort?.Weights);
        if (_sample.Count < limit)
        {
            _sample.Add(unit);
        }
        else if (_random.Next(_seen + 1) is var slot && slot < limit)
        {
            _sample[slot] = unit;
        }

        _seen++;
    }

    /// <summary>The strengths fitted on the sample; a level with nothing to fit keeps <paramref name="fallback"/>'s.</summary>
    public PriorStrengths Fit(HourOfWeekCounts population, PriorStrengths fallback)
    {
        ArgumentNullException.ThrowIfNull(population);
        return HierarchyFit.Fit(_sample, [.. cohorts.Values.Select(counts => (IReadOnlyList<double>)counts.Weights)], population.Weights, fallback);
    }
}
