using Tailor.SendTime.Learning;

namespace Tailor.SendTime.Serving;

/// <summary>
/// SendTime's state through a test period as the service holds it at each moment. It starts from a training set (the
/// events before the period and a training request at its start, which fits the prior strengths and writes every
/// user's slice against the priors then), and each activity is folded in as it arrives, by the same code the set
/// learned with (<see cref="SendTimeActivityLearner"/>): the user's state, the population and the cohort move at once.
/// </summary>
/// <remarks>
/// The prior strengths stay as fitted at the start: SendTime refits them only when a <c>ModelTrainingRequested</c> asks
/// (<see cref="SendTimeRefresh"/>), and nothing in Tailor asks on a schedule. A user's slice is the one SendTime wrote at
/// their last update (<see cref="SlicePriorsOf"/>): against the priors of that moment, with their own new evidence, as
/// <see cref="SendTimeLearner"/> writes it; the priors moving meanwhile do not rewrite it.
/// </remarks>
public sealed class SendTimeReplay
{
    private readonly SendTimeActivityLearner _learner;
    private readonly Dictionary<string, (int Updates, SendTimePriors Priors)> _updated = new(StringComparer.Ordinal);

    public SendTimeReplay(SendTimeTrainingSet start)
    {
        ArgumentNullException.ThrowIfNull(start);
        Start = start;
        _learner = new SendTimeActivityLearner(start);
    }

    /// <summary>What the period starts from.</summary>
    public SendTimeTrainingSet Start { get; }

    public SendTimeOptions Options => Start.Options;

    /// <summary>Everyone's counts so far.</summary>
    public HourOfWeekCounts Population => _learner.Population;

    /// <summary>The user's state now; a user never seen is identified (their country's zone and cohort) with no evidence.</summary>
    public UserSendTimeState StateOf(string userId, string? country) =>
        _learner.States.GetValueOrDefault(userId) ?? SendTimeActivityLearner.Identified(country, Options);

    /// <summary>The zone a user's hours are read in.</summary>
    public TimeZoneInfo ZoneOf(string userId, string? country) =>
        StateOf(userId, country).ZoneOr(Start.AccountZone);

    /// <summary>How many times the user's state took new evidence since the start: their slice changes with it.</summary>
    public int UpdatesOf(string userId) => _updated.GetValueOrDefault(userId).Updates;

    /// <summary>
    /// The priors the user's slice was last written against: at their last update in the period; else the training
    /// request's at the start, which wrote every known user's slice; a user never seen, identified just now, against
    /// the priors now.
    /// </summary>
    public SendTimePriors SlicePriorsOf(string userId, string? country)
    {
        if (_updated.TryGetValue(userId, out var updated))
        {
            return updated.Priors;
        }

        return Start.States.ContainsKey(userId) ? Start.Priors : PriorsFor(StateOf(userId, country).Country);
    }

    /// <summary>Folds one user's activity (one batch, as SendTime receives it) into their state and the priors.</summary>
    public void Learn(string userId, IReadOnlyCollection<TimedActivity> activity)
    {
        if (_learner.Learn(userId, activity) is { } folded)
        {
            _updated[userId] = (UpdatesOf(userId) + 1, PriorsFor(folded.State.Country));
        }
    }

    // The priors now, with the one cohort a user's slice reads: a copy that later folds leave as it is.
    private SendTimePriors PriorsFor(string? country)
    {
        var key = country is null ? null : SendTimeDocuments.CohortKey(country);
        var cohorts = key is not null && _learner.Cohorts.TryGetValue(key, out var cohort)
            ? new Dictionary<string, HourOfWeekCounts>(StringComparer.Ordinal) { [key] = cohort }
            : new Dictionary<string, HourOfWeekCounts>(StringComparer.Ordinal);
        return new SendTimePriors(_learner.Population, cohorts, Start.Priors.Strengths);
    }
}
