using Tailor.Profiles;

namespace Tailor.SendTime.Learning;

/// <summary>The smoothed hour-of-week preference: a user's own counts shrunk towards the population's distribution.</summary>
public static class SendTimePosterior
{
    /// <summary>
    /// (user counts + k · population distribution) / (n + k), n being the user's total weight: a Dirichlet posterior
    /// mean whose prior is the population, so a new user starts as "everyone" and moves to themself as evidence grows.
    /// The result sums to 1. An empty population is taken as uniform.
    /// </summary>
    public static double[] Weights(HourOfWeekCounts user, HourOfWeekCounts population, double priorStrength)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(population);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(priorStrength);

        var populationTotal = population.TotalWeight();
        var userTotal = user.TotalWeight();
        var weights = new double[SendTimeSlice.HoursPerWeek];
        for (var hour = 0; hour < weights.Length; hour++)
        {
            var prior = populationTotal > 0 ? population.Weights[hour] / populationTotal : 1.0 / SendTimeSlice.HoursPerWeek;
            weights[hour] = (user.Weights[hour] + (priorStrength * prior)) / (userTotal + priorStrength);
        }

        return weights;
    }

    /// <summary>The hour of the week with the highest weight; ties go to the earliest hour.</summary>
    public static int BestHour(IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentOutOfRangeException.ThrowIfZero(weights.Count);
        var best = 0;
        for (var hour = 1; hour < weights.Count; hour++)
        {
            if (weights[hour] > weights[best])
            {
                best = hour;
            }
        }

        return best;
    }
}
