namespace Tailor.SendTime.Model;

/// <summary>
/// A user's distribution over the 168 local hours of the week, smoothed in three steps so each level borrows from the
/// one above it only as much as its own evidence is thin:
/// 1. the cohort (the user's country) is shrunk towards the whole population;
/// 2. the user's hours of the day are shrunk towards the cohort's hours of the day;
/// 3. the user's hours of the week are shrunk towards "their hours of the day, spread over the weekdays as the cohort
///    spreads that hour": a user seen twice at 9:00 on a Tuesday expects 9:00 on other weekdays too, more on the
///    weekdays when their cohort is active at 9:00.
/// Each step is a Dirichlet posterior mean (counts + k · prior) / (n + k), with k from <see cref="PriorStrengths"/>:
/// a user with two events is mostly their cohort, a user with two hundred is mostly themself.
/// </summary>
public static class SendTimeHierarchy
{
    /// <summary>
    /// The share of each hour's weekday spread that is taken as even across the seven days, whatever the cohort did. A
    /// weekday on which the cohort was never active (Online Retail's shop took no orders on Saturdays) would otherwise
    /// get no prior at all, and a campaign on that day could not tell the user's 09:00 from their 03:00.
    /// </summary>
    public const double EvenWeekdayShare = 0.05;

    /// <param name="user">The user's weighted counts per local hour of the week.</param>
    /// <param name="cohort">Their cohort's counts, or null when the user has none (the population stands in).</param>
    /// <param name="population">Everyone's counts.</param>
    /// <returns>Weights over the 168 hours, summing to 1.</returns>
    public static double[] Posterior(IReadOnlyList<double> user, IReadOnlyList<double>? cohort, IReadOnlyList<double> population, PriorStrengths strengths)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(strengths);
        var cohortWeek = CohortWeek(cohort, population, strengths.Cohort);
        var cohortDay = WeekHours.FoldToDay(cohortWeek);

        var userDayCounts = WeekHours.FoldToDay(user);
        var userTotal = userDayCounts.Sum();
        var userDay = new double[WeekHours.PerDay];
        for (var hour = 0; hour < WeekHours.PerDay; hour++)
        {
            userDay[hour] = (userDayCounts[hour] + (strengths.Day * cohortDay[hour])) / (userTotal + strengths.Day);
        }

        var weights = new double[WeekHours.Count];
        for (var hourOfWeek = 0; hourOfWeek < WeekHours.Count; hourOfWeek++)
        {
            var hour = hourOfWeek % WeekHours.PerDay;
            // The cohort's share of this hour of the day that falls on this weekday.
            var cohortShare = cohortDay[hour] > 0 ? cohortWeek[hourOfWeek] / cohortDay[hour] : 1.0 / WeekHours.Days;
            var weekdayShare = ((1 - EvenWeekdayShare) * cohortShare) + (EvenWeekdayShare / WeekHours.Days);
            var prior = userDay[hour] * weekdayShare;
            weights[hourOfWeek] = (user[hourOfWeek] + (strengths.Week * prior)) / (userTotal + strengths.Week);
        }

        return weights;
    }

    /// <summary>The cohort's distribution over the week, shrunk towards the population's (the population's alone when there is no cohort).</summary>
    public static double[] CohortWeek(IReadOnlyList<double>? cohort, IReadOnlyList<double> population, double cohortStrength)
    {
        ArgumentNullException.ThrowIfNull(population);
        var populationWeek = WeekHours.Normalize(population);
        if (cohort is null)
        {
            return populationWeek;
        }

        var cohortTotal = cohort.Sum();
        return [.. populationWeek.Select((share, hour) => (cohort[hour] + (cohortStrength * share)) / (cohortTotal + cohortStrength))];
    }

    /// <summary>
    /// The Dirichlet concentration behind <see cref="Posterior"/>'s week level (n + k): how sure the estimate is, which
    /// is how widely Thompson sampling explores around it.
    /// </summary>
    public static double Concentration(IReadOnlyList<double> user, PriorStrengths strengths)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(strengths);
        return user.Sum() + strengths.Week;
    }
}
