using Tailor.SendTime.Model;

namespace Tailor.SendTime.Evaluation;

/// <summary>
/// Activity counted the way SendTime counts it: per user, per cohort (country) and for everyone, by local hour of the
/// week in each user's zone (from their country, else the account default).
/// </summary>
public sealed class SendTimeTrainingSet
{
    private SendTimeTrainingSet(TimeZoneInfo accountZone) => AccountZone = accountZone;

    public TimeZoneInfo AccountZone { get; }

    public Dictionary<string, double[]> Users { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, double[]> Cohorts { get; } = new(StringComparer.OrdinalIgnoreCase);

    public double[] Population { get; } = new double[WeekHours.Count];

    public Dictionary<string, string> CohortOf { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, TimeZoneInfo> ZoneOf { get; } = new(StringComparer.Ordinal);

    public static SendTimeTrainingSet Build(IEnumerable<TimedActivity> activity, TimeZoneInfo accountZone)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(accountZone);
        var set = new SendTimeTrainingSet(accountZone);
        foreach (var item in activity)
        {
            set.Add(item);
        }

        return set;
    }

    /// <summary>The user's local hour of the week for an instant (their zone if seen in training, else from the country given).</summary>
    public int LocalHourOfWeek(string userId, DateTimeOffset at, string? country) =>
        WeekHours.Of(at, ZoneOf.GetValueOrDefault(userId) ?? TimeZoneResolver.Resolve(null, country, AccountZone));

    public double[]? CohortCounts(string userId) =>
        CohortOf.TryGetValue(userId, out var cohort) ? Cohorts[cohort] : null;

    private void Add(TimedActivity item)
    {
        if (!ZoneOf.TryGetValue(item.UserId, out var zone))
        {
            zone = TimeZoneResolver.Resolve(null, item.Country, AccountZone);
            ZoneOf[item.UserId] = zone;
            if (!string.IsNullOrWhiteSpace(item.Country))
            {
                CohortOf[item.UserId] = item.Country.Trim();
            }
        }

        var hour = WeekHours.Of(item.At, zone);
        Counts(Users, item.UserId)[hour]++;
        if (CohortOf.TryGetValue(item.UserId, out var cohort))
        {
            Counts(Cohorts, cohort)[hour]++;
        }

        Population[hour]++;
    }

    private static double[] Counts(Dictionary<string, double[]> counts, string key)
    {
        if (!counts.TryGetValue(key, out var week))
        {
            week = new double[WeekHours.Count];
            counts[key] = week;
        }

        return week;
    }
}
