using Tailor.Contracts;
using Tailor.SendTime.Learning;
using Tailor.SendTime.Model;

namespace Tailor.SendTime.Serving;

/// <summary>
/// Training activity learned the way SendTime learns it, by SendTime's own code: each user is identified with their
/// country first (their zone and cohort), each activity becomes a <see cref="UserActivityTracked"/> weighed by
/// <see cref="EvidenceWeights"/> and folded into the user's state by <see cref="UserEvidenceFold"/> (so an order's lines
/// count as one occurrence, <see cref="EvidenceOccurrences"/>), what each fold adds goes to the population and the
/// user's cohort, and the prior strengths are fitted on the states by <see cref="PriorStrengthSample"/>, as a training
/// request fits them. What the evaluation measures is what the service would hold after these events.
/// </summary>
public sealed class SendTimeTrainingSet
{
    private static readonly OpenLatency NoLatencyYet = new();
    private readonly Dictionary<string, UserSendTimeState> _states;

    private SendTimeTrainingSet(SendTimeOptions options, Dictionary<string, UserSendTimeState> states, SendTimePriors priors)
    {
        Options = options;
        _states = states;
        Priors = priors;
        Users = states.Where(user => user.Value.Counts.Events > 0).ToDictionary(user => user.Key, user => user.Value.Counts.Weights, StringComparer.Ordinal);
    }

    /// <summary>SendTime's settings the set was learned with: the defaults, in the account's zone.</summary>
    public SendTimeOptions Options { get; }

    public TimeZoneInfo AccountZone => Options.AccountTimeZone;

    /// <summary>Each user's state as SendTime would store it after the training activity.</summary>
    public IReadOnlyDictionary<string, UserSendTimeState> States => _states;

    /// <summary>The population, the cohorts (by <see cref="SendTimeDocuments.CohortKey"/>) and the strengths fitted on this set.</summary>
    public SendTimePriors Priors { get; }

    /// <summary>The counts of each user with evidence, per local hour of the week.</summary>
    public IReadOnlyDictionary<string, double[]> Users { get; }

    public double[] Population => Priors.Population.Weights;

    public static SendTimeTrainingSet Build(IEnumerable<TimedActivity> activity, TimeZoneInfo accountZone)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(accountZone);
        var options = new SendTimeOptions { DefaultTimeZone = accountZone.Id };
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        var weights = new EvidenceWeights(wrapped);
        var fold = new UserEvidenceFold(wrapped);
        var states = new Dictionary<string, UserSendTimeState>(StringComparer.Ordinal);
        var population = new HourOfWeekCounts();
        var cohorts = new Dictionary<string, HourOfWeekCounts>(StringComparer.Ordinal);
        var eventNumber = 0;
        foreach (var user in activity.GroupBy(item => item.UserId, StringComparer.Ordinal))
        {
            var identified = Identified(user.Select(item => item.Country).FirstOrDefault(country => !string.IsNullOrWhiteSpace(country)), options);
            var evidence = user.Select(item => weights.Of(Purchase(item, ++eventNumber))).OfType<SendTimeEvidence>().ToList();
            if (fold.Fold(identified, user.Key, evidence, Guid.Empty, NoLatencyYet) is not { } folded)
            {
                states[user.Key] = identified;
                continue;
            }

            states[user.Key] = folded.State;
            population = population.Plus(folded.Hours);
            if (folded.State.Country is { } country)
            {
                var key = SendTimeDocuments.CohortKey(country);
                cohorts[key] = cohorts.GetValueOrDefault(key, new HourOfWeekCounts()).Plus(folded.Hours);
            }
        }

        var sample = new PriorStrengthSample(options.FitSampleUsers, cohorts);
        foreach (var (userId, state) in states)
        {
            sample.Add(userId, state);
        }

        var strengths = sample.Fit(population, options.DefaultPriorStrengths);
        return new SendTimeTrainingSet(options, states, new SendTimePriors(population, cohorts, strengths));
    }

    /// <summary>
    /// A user's activity as the occurrences SendTime counts (<see cref="EvidenceOccurrences"/>): one per user and hour,
    /// at the start of the hour. The evaluation judges on these, so a test order of twenty lines is one moment too.
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
        _states.GetValueOrDefault(userId) ?? Identified(country, Options);

    /// <summary>The zone a user's hours are read in.</summary>
    public TimeZoneInfo ZoneOf(string userId, string? country) =>
        TimeZoneResolver.Find(StateOf(userId, country).TimeZone) ?? AccountZone;

    /// <summary>The user's local hour of the week for an instant.</summary>
    public int LocalHourOfWeek(string userId, DateTimeOffset at, string? country) => WeekHours.Of(at, ZoneOf(userId, country));

    /// <summary>The counts of the user's cohort; null for a user without a country.</summary>
    public double[]? CohortCounts(string userId) =>
        _states.GetValueOrDefault(userId) is { } state ? Priors.CohortOf(state.Country)?.Weights : null;

    /// <summary>What <c>UserIdentified</c> leaves for a user with a country and no events yet: their zone and cohort.</summary>
    private static UserSendTimeState Identified(string? country, SendTimeOptions options) =>
        UserSendTimeState.Unknown with
        {
            TimeZone = TimeZoneResolver.Resolve(null, country, options.AccountTimeZone).Id,
            Country = string.IsNullOrWhiteSpace(country) ? null : country.Trim(),
        };

    // Each line of an order arrives as its own activity, as the service receives it from a track call.
    private static UserActivityTracked Purchase(TimedActivity item, int eventNumber) =>
        new(new Guid(eventNumber, 0, 0, new byte[8]), item.UserId, item.At, ActivityKinds.Purchase, null, null, 1, null, null, new Dictionary<string, string>());
}
