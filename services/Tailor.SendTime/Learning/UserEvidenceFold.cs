using Microsoft.Extensions.Options;
using Tailor.SendTime.Model;

namespace Tailor.SendTime.Learning;

/// <summary>A user's state with a batch's new evidence folded in, and what that evidence adds to the shared priors.</summary>
/// <param name="State">The user's next state (best hour not yet recomputed).</param>
/// <param name="Hours">The new evidence as (local hour of the week, weight): what the population and cohort gain.</param>
/// <param name="Latencies">Delays from delivery to the first open or click of an email: what the open-latency histogram gains.</param>
/// <param name="Learned">How many of the events were opens, clicks or activities (not deliveries).</param>
public sealed record FoldedEvidence(
    UserSendTimeState State, IReadOnlyList<HourEvidence> Hours, IReadOnlyList<TimeSpan> Latencies, int Learned);

/// <summary>
/// Folds evidence into one user's state as a pure function of the state read and the evidence, so it can run inside a
/// conditional update (<see cref="Storage.DocumentUpdates.UpdateAsync{TDocument}"/>) as often as the update is retried.
/// Events the state already counted (<see cref="UserSendTimeState.AppliedEvents"/>) are skipped: whichever replica
/// takes a copy of an event, and however often a batch is retried, the user's state counts it once.
/// </summary>
public sealed class UserEvidenceFold(IOptions<SendTimeOptions> options)
{
    /// <summary>The next state, or null when every event was counted already (nothing to write).</summary>
    public FoldedEvidence? Fold(UserSendTimeState? stored, string userId, IEnumerable<SendTimeEvidence> evidence, Guid batchId, OpenLatency latency)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(latency);
        var state = stored ?? UserSendTimeState.Unknown;
        state.Counts.EnsureValid(userId);
        var applied = new HashSet<Guid>(state.AppliedEvents ?? []);
        var fresh = evidence.Where(item => applied.Add(item.EventId)).ToList();
        if (fresh.Count == 0)
        {
            return null;
        }

        var (next, hours, latencies) = Localise(state, fresh, latency);
        next = next with
        {
            Counts = state.Counts.Plus(hours).AddedBy(batchId),
            BestHourBeforeLastBatch = state.BestHourOfWeek,
            AppliedEvents = [.. (state.AppliedEvents ?? []).Concat(fresh.Select(item => item.EventId)).TakeLast(options.Value.AppliedEventsKept)],
        };
        return new FoldedEvidence(next, hours, latencies, fresh.Count(item => !item.IsDelivery));
    }

    /// <summary>
    /// The user's next state and their evidence by local hour. Evidence counts by the hour (<see cref="EvidenceOccurrences"/>):
    /// the first event of an hour is an occurrence at its weight, a later one adds only what it outweighs the hour's
    /// weight by. A delivery counts as sent at its hour. The first
    /// open or click of a delivered email counts as that hour's success (<see cref="SendOutcomes"/>), and is evidence of
    /// activity only when it came an hour or more later (the reader's own session, weighed by
    /// <see cref="OpenLatency.Factor"/>): an open right after delivery says the hour Tailor chose worked, which the
    /// outcomes already say, and counting it as activity too would let Tailor's own choices feed its estimate.
    /// </summary>
    private (UserSendTimeState Next, List<HourEvidence> Hours, List<TimeSpan> Latencies) Localise(
        UserSendTimeState state, IEnumerable<SendTimeEvidence> evidence, OpenLatency latency)
    {
        var zone = state.ZoneOr(options.Value.AccountTimeZone);
        var deliveries = new Dictionary<Guid, DateTimeOffset>(state.Deliveries ?? []);
        var delivered = (double[]?)state.Delivered?.Clone() ?? new double[WeekHours.Count];
        var engaged = (double[]?)state.Engaged?.Clone() ?? new double[WeekHours.Count];
        var engagedEmails = new List<Guid>(state.EngagedEmails ?? []);
        var occurrences = new List<CountedHour>(state.RecentOccurrences ?? []);
        var hours = new List<HourEvidence>();
        var latencies = new List<TimeSpan>();
        RecentEvidence? recent = null;
        foreach (var item in evidence.OrderBy(item => item.OccurredAt))
        {
            if (item.IsDelivery)
            {
                if (item.EmailId is { } deliveredEmail && deliveries.TryAdd(deliveredEmail, item.OccurredAt))
                {
                    delivered[WeekHours.Of(item.OccurredAt, zone)]++;
                }

                continue;
            }

            var weight = item.Weight;
            if (item.EmailId is { } emailId && deliveries.TryGetValue(emailId, out var deliveredAt))
            {
                var delay = item.OccurredAt - deliveredAt;
                if (!engagedEmails.Contains(emailId))
                {
                    engagedEmails.Add(emailId);
                    engaged[WeekHours.Of(deliveredAt, zone)]++;
                    latencies.Add(delay);
                }

                if (options.Value.LearnFromSendOutcomes && delay < SendOutcomes.SameSession)
                {
                    continue;
                }

                weight *= latency.Factor(delay);
            }

            var hour = EvidenceOccurrences.HourOf(item.OccurredAt);
            if (Counted(occurrences, hour, weight, zone) is { } counted)
            {
                hours.Add(counted);
                if (options.Value.RecencyHalfLife > TimeSpan.Zero)
                {
                    var at = EvidenceOccurrences.Start(hour);
                    recent = (recent ?? RecentEvidence.StartingFrom(state, at)).Plus(counted, at, options.Value.RecencyHalfLife);
                }
            }
        }

        var kept = deliveries.OrderByDescending(delivery => delivery.Value).Take(UserSendTimeState.DeliveriesKept).ToDictionary();
        var next = state with
        {
            TimeZone = zone.Id,
            Deliveries = kept,
            Delivered = delivered,
            Engaged = engaged,
            EngagedEmails = [.. engagedEmails.TakeLast(UserSendTimeState.DeliveriesKept)],
            RecentOccurrences = [.. occurrences],
            // Recency off: nothing is kept, so turning it on later starts from the counts as they are then.
            Recent = options.Value.RecencyHalfLife > TimeSpan.Zero ? recent ?? state.Recent : null,
        };
        return (next, hours, latencies);
    }

    /// <summary>
    /// What an event of weight <paramref name="weight"/> in UTC hour <paramref name="hour"/> adds, given the occurrences
    /// remembered (updated here: the hour moves to the end, the least recently counted fall out): null when its hour
    /// already counts as much.
    /// </summary>
    private HourEvidence? Counted(List<CountedHour> occurrences, long hour, double weight, TimeZoneInfo zone)
    {
        var hourOfWeek = WeekHours.Of(EvidenceOccurrences.Start(hour), zone);
        var index = occurrences.FindIndex(occurrence => occurrence.Hour == hour);
        var counted = index < 0 ? 0 : occurrences[index].Weight;
        if (index >= 0)
        {
            occurrences.RemoveAt(index);
        }

        occurrences.Add(new CountedHour(hour, Math.Max(weight, counted)));
        if (occurrences.Count > options.Value.AppliedEventsKept)
        {
            occurrences.RemoveAt(0);
        }

        if (index < 0)
        {
            return new HourEvidence(hourOfWeek, weight);
        }

        return weight > counted ? new HourEvidence(hourOfWeek, weight - counted, IsOccurrence: false) : null;
    }
}
