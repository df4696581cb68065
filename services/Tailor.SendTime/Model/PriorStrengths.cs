namespace Tailor.SendTime.Model;

/// <summary>
/// How many events' worth of weight each level of the hierarchy lends the level below it (the k of a Dirichlet prior):
/// the population lends <see cref="Cohort"/> to a country, the country lends <see cref="Day"/> to a user's hours of
/// the day, and those lend <see cref="Week"/> to the user's hours of the week.
/// </summary>
public sealed record PriorStrengths(double Cohort, double Day, double Week)
{
    /// <summary>Used until the strengths are fitted on data.</summary>
    public static PriorStrengths Defaults { get; } = new(50, 5, 10);

    public PriorStrengths EnsureValid()
    {
        foreach (var (value, name) in new[] { (Cohort, nameof(Cohort)), (Day, nameof(Day)), (Week, nameof(Week)) })
        {
            if (!double.IsFinite(value) || value <= 0)
            {
                throw new InvalidDataException($"Prior strength {name} must be a positive number, found {value}.");
            }
        }

        return this;
    }
}
