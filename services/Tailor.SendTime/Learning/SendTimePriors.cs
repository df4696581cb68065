using Tailor.SendTime.Model;

namespace Tailor.SendTime.Learning;

/// <summary>
/// What a user's estimate is shrunk towards: everyone's counts, the cohorts' counts read so far (by
/// <see cref="SendTimeDocuments.CohortKey"/>), and the prior strengths.
/// </summary>
public sealed record SendTimePriors(HourOfWeekCounts Population, IReadOnlyDictionary<string, HourOfWeekCounts> Cohorts, PriorStrengths Strengths)
{
    /// <summary>The counts of <paramref name="country"/>'s cohort; null for a user with no country (the population stands in) or a cohort not read.</summary>
    public HourOfWeekCounts? CohortOf(string? country) =>
        country is null ? null : Cohorts.GetValueOrDefault(SendTimeDocuments.CohortKey(country));

    /// <summary>
    /// These priors with one user's new evidence added to the population and their cohort: what the user's estimate is
    /// computed against when their update lands, whatever else the stored priors gain meanwhile.
    /// </summary>
    public SendTimePriors With(string? country, IReadOnlyCollection<HourEvidence> evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.Count == 0)
        {
            return this;
        }

        var cohorts = Cohorts;
        if (country is not null && CohortOf(country) is { } cohort)
        {
            cohorts = new Dictionary<string, HourOfWeekCounts>(Cohorts, StringComparer.Ordinal) { [SendTimeDocuments.CohortKey(country)] = cohort.Plus(evidence) };
        }

        return this with { Population = Population.Plus(evidence), Cohorts = cohorts };
    }
}
