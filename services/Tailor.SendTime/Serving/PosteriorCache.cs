using Tailor.SendTime.Learning;

namespace Tailor.SendTime.Serving;

/// <summary>
/// SendTime's posterior for each user of a training set, computed on first use from the state SendTime would hold
/// (a user never seen: identified with their country, no evidence), against the set's priors.
/// </summary>
internal sealed class PosteriorCache(SendTimeTrainingSet set)
{
    private readonly Dictionary<string, double[]> _posteriors = new(StringComparer.Ordinal);

    public double[] For(string userId, string? country)
    {
        var key = set.States.ContainsKey(userId) ? userId : "\0identified:" + country;
        if (!_posteriors.TryGetValue(key, out var posterior))
        {
            posterior = SendTimeSlices.Posterior(set.StateOf(userId, country), set.Priors, set.Options);
            _posteriors[key] = posterior;
        }

        return posterior;
    }
}
