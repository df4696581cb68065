namespace Tailor.SendTime.Model;

/// <summary>
/// Fits the three <see cref="PriorStrengths"/> on data, level by level from the top (see <see cref="PriorStrengthFit"/>):
/// cohorts against the population, users' hours of the day against their cohort's, users' hours of the week against
/// the week prior built from their hours of the day. A level with nothing to fit keeps the fallback's strength.
/// </summary>
public static class HierarchyFit
{
    /// <param name="users">Each user's counts and their cohort's counts (null for none).</param>
    /// <param name="cohorts">Every cohort's counts.</param>
    public static PriorStrengths Fit(
        IReadOnlyCollection<(IReadOnlyList<double> User, IReadOnlyList<double>? Cohort)> users,
        IReadOnlyCollection<IReadOnlyList<double>> cohorts,
        IReadOnlyList<double> population,
        PriorStrengths fallback)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(cohorts);
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(fallback);
        var populationWeek = WeekHours.Normalize(population);
        var cohort = PriorStrengthFit.Fit([.. cohorts.Select(counts => (counts, (IReadOnlyList<double>)populationWeek))]) ?? fallback.Cohort;

        var dayUnits = users.Select(user => (
            (IReadOnlyList<double>)WeekHours.FoldToDay(user.User),
            (IReadOnlyList<double>)WeekHours.FoldToDay(SendTimeHierarchy.CohortWeek(user.Cohort, population, cohort)))).ToList();
        var day = PriorStrengthFit.Fit(dayUnits) ?? fallback.Day;

        // The week prior of each user, as Posterior builds it, with the day strength just fitted.
        var weekUnits = users.Select(user => (user.User, (IReadOnlyList<double>)WeekPrior(user.User, user.Cohort, population, new PriorStrengths(cohort, day, 1)))).ToList();
        var week = PriorStrengthFit.Fit(weekUnits) ?? fallback.Week;
        return new PriorStrengths(cohort, day, week);
    }

    // The posterior with a vanishing week strength would be the user's own counts; with a huge one it is the prior the
    // week level shrinks towards, which is what the fit needs.
    private static double[] WeekPrior(IReadOnlyList<double> user, IReadOnlyList<double>? cohort, IReadOnlyList<double> population, PriorStrengths strengths) =>
        SendTimeHierarchy.Posterior(user, cohort, population, strengths with { Week = 1e12 });
}
