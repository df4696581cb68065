using Tailor.SendTime.Model;

namespace Tailor.SendTime.Evaluation;

/// <summary>
/// SendTime's posterior for each user of a training set, computed on first use: a user seen in training gets theirs
/// (with their cohort), a user never seen gets the one of their country's cohort, shared by every such user.
/// </summary>
internal sealed class PosteriorCache(SendTimeTrainingSet set, PriorStrengths strengths)
{
    private static readonly double[] NoEvidence = new double[WeekHours.Count];
    private readonly Dictionary<string, double[]> _posteriors = new(StringComparer.Ordinal);

    public double[] For(string userId, string? country)
    {
        var known = set.Users.TryGetValue(userId, out var counts);
        var key = known ? userId : "\0cohort:" + country;
        if (!_posteriors.TryGetValue(key, out var posterior))
        {
            var cohort = known
                ? set.CohortCounts(userId)
                : country is not null && set.Cohorts.TryGetValue(country, out var countryCounts) ? countryCounts : null;
            posterior = SendTimeHierarchy.Posterior(counts ?? NoEvidence, cohort, set.Population, strengths);
            _posteriors[key] = posterior;
        }

        return posterior;
    }
}
