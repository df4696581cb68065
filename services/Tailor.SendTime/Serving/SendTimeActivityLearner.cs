using Tailor.Contracts;
using Tailor.Profiles;
using Tailor.SendTime.Learning;

namespace Tailor.SendTime.Serving;

/// <summary>
/// Timed activity learned as SendTime learns it, by SendTime's own code: a user is identified with their country first
/// (their zone and cohort), each line becomes a <see cref="UserActivityTracked"/> weighed by <see cref="EvidenceWeights"/>
/// and folded into the user's state by <see cref="UserEvidenceFold"/> (so an order's lines count as one occurrence,
/// <see cref="EvidenceOccurrences"/>), and what each fold adds goes to the population and the user's cohort, as
/// <see cref="SendTimeLearner"/> adds it. The training set learns through it (<see cref="SendTimeTrainingSet"/>), and
/// the replay of a test period carries on from there (<see cref="SendTimeReplay"/>).
/// </summary>
internal sealed class SendTimeActivityLearner
{
    private static readonly OpenLatency NoLatencyYet = new();
    private readonly EvidenceWeights _weights;
    private readonly UserEvidenceFold _fold;
    private readonly Dictionary<string, UserSendTimeState> _states;
    private readonly Dictionary<string, HourOfWeekCounts> _cohorts;

    /// <summary>A learner that has learned nothing yet.</summary>
    public SendTimeActivityLearner(SendTimeOptions options)
        : this(options, new Dictionary<string, UserSendTimeState>(), new HourOfWeekCounts(), new Dictionary<string, HourOfWeekCounts>(), 0)
    {
    }

    /// <summary>A learner that carries on from what a training set learned (copied: the set is left as it is).</summary>
    public SendTimeActivityLearner(SendTimeTrainingSet start)
        : this(start.Options, start.States, start.Priors.Population, start.Priors.Cohorts, start.LinesLearned)
    {
    }

    private SendTimeActivityLearner(
        SendTimeOptions options,
        IReadOnlyDictionary<string, UserSendTimeState> states,
        HourOfWeekCounts population,
        IReadOnlyDictionary<string, HourOfWeekCounts> cohorts,
        int linesLearned)
    {
        Options = options;
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        _weights = new EvidenceWeights(wrapped);
        _fold = new UserEvidenceFold(wrapped);
        _states = new Dictionary<string, UserSendTimeState>(states, StringComparer.Ordinal);
        _cohorts = new Dictionary<string, HourOfWeekCounts>(cohorts, StringComparer.Ordinal);
        Population = population;
        LinesLearned = linesLearned;
    }

    public SendTimeOptions Options { get; }

    /// <summary>Each user's state as SendTime would store it now.</summary>
    public IReadOnlyDictionary<string, UserSendTimeState> States => _states;

    /// <summary>Everyone's counts so far.</summary>
    public HourOfWeekCounts Population { get; private set; }

    /// <summary>Each cohort's counts so far, by <see cref="SendTimeDocuments.CohortKey"/>.</summary>
    public IReadOnlyDictionary<string, HourOfWeekCounts> Cohorts => _cohorts;

    /// <summary>How many lines were learned: each line's event id is its number, so none repeats an earlier one.</summary>
    public int LinesLearned { get; private set; }

    /// <summary>
    /// Folds one user's lines into their state as one batch, identifying a user not seen before with the country their
    /// lines give. Returns what the fold added, or null when it added nothing.
    /// </summary>
    public FoldedEvidence? Learn(string userId, IReadOnlyCollection<TimedActivity> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var state = _states.GetValueOrDefault(userId)
            ?? Identified(lines.Select(line => line.Country).FirstOrDefault(country => !string.IsNullOrWhiteSpace(country)), Options);
        var evidence = lines.Select(line => _weights.Of(Purchase(line, ++LinesLearned))).OfType<SendTimeEvidence>().ToList();
        var folded = _fold.Fold(state, userId, evidence, Guid.Empty, NoLatencyYet);
        _states[userId] = folded?.State ?? state;
        if (folded is null)
        {
            return null;
        }

        Population = Population.Plus(folded.Hours);
        if (folded.State.Country is { } country)
        {
            var key = SendTimeDocuments.CohortKey(country);
            _cohorts[key] = _cohorts.GetValueOrDefault(key, new HourOfWeekCounts()).Plus(folded.Hours);
        }

        return folded;
    }

    /// <summary>What <c>UserIdentified</c> leaves for a user with a country and no events yet: their zone and cohort.</summary>
    public static UserSendTimeState Identified(string? country, SendTimeOptions options) =>
        UserSendTimeState.Unknown with
        {
            TimeZone = TimeZoneResolver.Resolve(null, country, options.AccountTimeZone).Id,
            Country = string.IsNullOrWhiteSpace(country) ? null : country.Trim(),
        };

    // Each line of an order arrives as its own activity, as the service receives it from a track call.
    private static UserActivityTracked Purchase(TimedActivity item, int eventNumber) =>
        new(new Guid(eventNumber, 0, 0, new byte[8]), item.UserId, item.At, ActivityKinds.Purchase, null, null, 1, null, null, new Dictionary<string, string>());
}
