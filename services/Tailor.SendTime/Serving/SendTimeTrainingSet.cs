using Tailor.SendTime.Learning;
using Tailor.SendTime.Model;

namespace Tailor.SendTime.Serving;

/// <summary>
/// Training activity learned the way SendTime learns it, by SendTime's own code (<see cref="SendTimeActivityLearner"/>:
/// identified with their country, each line folded by <see cref="UserEvidenceFold"/>, the population and cohorts added
/// to), and the prior strengths fitted on the states by <see cref="PriorStrengthSample"/>, as a training request
/// (<c>ModelTrainingRequested</c>) fits them: what the service would hold after these events and a training request.
/// </summary>
public sealed class SendTimeTrainingSet
{
    private SendTimeTrainingSet(SendTimeOptions options, IReadOnlyDictionary<string, UserSendTimeState> states, SendTimePriors priors, int linesLearned)
    {
        Options = options;
        States = states;
        Priors = priors;
        LinesLearned = linesLearned;
        Users = states.Where(user => user.Value.Counts.Events > 0).ToDictionary(user => user.Key, user => user.Value.Counts.Weights, StringComparer.Ordinal);
    }

    /// <summary>SendTime's settings the set was learned with: the defaults, in the account's zone.</summary>
    public SendTimeOptions Options { get; }

    public TimeZoneInfo AccountZone => Options.AccountTimeZone;

    /// <summary>Each user's state as SendTime would store it after the training activity.</summary>
    public IReadOnlyDictionary<string, UserSendTimeState> States { get; }

    /// <summary>The population, the cohorts (by <see cref="SendTimeDocuments.CohortKey"/>) and the strengths fitted on this set.</summary>
    public SendTimePriors Priors { get; }

    /// <summary>The counts of each user with evidence, per local hour of the week.</summary>
    public IReadOnlyDictionary<string, double[]> Users { get; }

    public double[] Population => Priors.Population.Weights;

    /// <summary>How many activities (order lines) were learned: a replay of later activity numbers its events after them.</summary>
    public int LinesLearned { get; }

    public static SendTimeTrainingSet Build(IEnumerable<TimedActivity> activity, TimeZoneInfo accountZone)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(accountZone);
        var options = new SendTimeOptions { DefaultTimeZone = accountZone.Id };
        var learner = new SendTimeActivityLearner(options);
        foreach (var user in activity.GroupBy(item => item.UserId, StringComparer.Ordinal))
        {
            learner.Learn(user.Key, [.. user]);
        }

        var sample = new PriorStrengthSample(options.FitSampleUsers, learner.Cohorts);
        foreach (var (userId, state) in learner.States)
        {
            sample.Add(userId, state);
        }

        var strengths = sample.Fit(learner.Population, options.DefaultPriorStrengths);
        return new SendTimeTrainingSet(options, learner.States, new SendTimePriors(learner.Population, learner.Cohorts, strengths), learner.LinesLearned);
    }

    /// <summary>
    /// A user's activity as the occurrences SendTime counts (<see cref="EvidenceOccurrences"/>): one per user and hour,
    /// at the start of the hour. The learned model's labels are these, so a test order of twenty lines is one moment too.
    /// </summary>
    public static IReadOnlyList<TimedActivity> Occurrences(IEnumerable<TimedActivity> activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return [.. activity
            .GroupBy(item => (item.UserId, Hour: EvidenceOccurrences.HourOf(item.At)))
            .Select(occurrence => new TimedActivity(occurrence.Key.UserId, EvidenceOccurrences.Start(occurrence.Key.Hour), occurrence.First().Country))];
    }

    /// <summary>The user's state after training; a user never seen is identified (their country's zone and cohort) with no evidence.</summary>
    public UserSendTimeState StateOf(string userId, string? country) =>
        States.GetValueOrDefault(userId) ?? SendTimeActivityLearner.Identified(country, Options);

    /// <summary>The zone a user's hours are read in.</summary>
    public TimeZoneInfo ZoneOf(string userId, string? country) =>
        StateOf(userId, country).ZoneOr(AccountZone);

    /// <summary>The user's local hour of the week for an instant.</summary>
    public int LocalHourOfWeek(string userId, DateTimeOffset at, string? country) => WeekHours.Of(at, ZoneOf(userId, country));

    /// <summary>The counts of the user's cohort; null for a user without a country.</summary>
    public double[]? CohortCounts(string userId) =>
        States.GetValueOrDefault(userId) is { } state ? Priors.CohortOf(state.Country)?.Weights : null;
}
