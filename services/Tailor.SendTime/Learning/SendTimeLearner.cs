using System.Diagnostics;
using Microsoft.Extensions.Options;
using Tailor.Contracts;
using Tailor.Messaging;
using Tailor.Profiles;
using Tailor.SendTime.Diagnostics;
using Tailor.SendTime.Model;
using Tailor.Storage;

namespace Tailor.SendTime.Learning;

/// <summary>
/// Folds a batch of evidence into the population's, each cohort's and each user's counts (in the user's local time,
/// opens weighed by their delay after delivery), writes each touched user's <see cref="SendTimeSlice"/>, and says
/// whose best hour changed.
/// </summary>
/// <remarks>
/// Every update is a read-modify-write of shared documents and of user documents, so one gate serialises all of them
/// in this process (activity batches, engagement batches, identities, erasures, refreshes): nothing is updated
/// concurrently. Users outside the batch keep the slice computed with the priors of their last update; the priors
/// move slowly, and their next event (or a refresh) updates it.
/// A retried batch (same id) is not added twice to a document that already holds it. Only the batch last added is
/// remembered, so if a batch of the other consumer lands between a failed attempt and its retry, the retry adds its
/// evidence to the shared counts again: a failure and a race together, and a small bias of a slow-moving prior; accepted.
/// </remarks>
public sealed class SendTimeLearner(
    SendTimeDocuments documents,
    SendTimeSliceWriter slices,
    IOptions<SendTimeOptions> options,
    SendTimeMetrics metrics,
    TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>
    /// Returns one <see cref="SendTimeUpdated"/> per user of the batch whose best hour changed. <paramref name="batchId"/>
    /// identifies the batch (the caller derives it from the events), so a retry adds nothing twice and announces the
    /// same changes under the same ids.
    /// </summary>
    public async Task<IReadOnlyList<SendTimeUpdated>> LearnAsync(
        Guid batchId, IReadOnlyCollection<SendTimeEvidence> evidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.Count == 0)
        {
            return [];
        }

        using var activity = SendTimeTelemetry.Source.StartActivity("sendtime learn");
        activity?.SetTag("tailor.sendtime.evidence", evidence.Count);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var store = documents.Store;
            var latency = await documents.LatencyAsync(cancellationToken);
            var latencies = new List<TimeSpan>();
            var users = new List<(string UserId, UserSendTimeState? Stored, UserSendTimeState Next, List<(int HourOfWeek, double Weight)> Items)>();
            foreach (var userEvidence in evidence.GroupBy(item => item.UserId, StringComparer.Ordinal))
            {
                var stored = await store.FindAsync<UserSendTimeState>(SendTimeNames.UsersCollection, userEvidence.Key, cancellationToken);
                var (next, items) = Localise(stored, userEvidence, latency, latencies);
                users.Add((userEvidence.Key, stored, next, items));
            }

            if (latency.LastBatch != batchId && latencies.Count > 0)
            {
                latencies.ForEach(latency.Add);
                latency.LastBatch = batchId;
                await store.PutAsync(SendTimeNames.PopulationCollection, SendTimeNames.LatencyId, latency, cancellationToken);
                metrics.OpenLatencies(latencies);
            }

            var population = await documents.PopulationAsync(cancellationToken);
            if (population.AddBatch(batchId, users.SelectMany(user => user.Items)))
            {
                await store.PutAsync(SendTimeNames.PopulationCollection, SendTimeNames.PopulationId, population, cancellationToken);
            }

            var cohorts = new Dictionary<string, HourOfWeekCounts>(StringComparer.Ordinal);
            foreach (var cohort in users.Where(user => user.Next.Country is not null).GroupBy(user => SendTimeDocuments.CohortKey(user.Next.Country!), StringComparer.Ordinal))
            {
                var counts = await documents.CohortAsync(cohort.Key, cancellationToken);
                if (counts.AddBatch(batchId, cohort.SelectMany(user => user.Items)))
                {
                    await store.PutAsync(SendTimeNames.CohortsCollection, cohort.Key, counts, cancellationToken);
                }

                cohorts[cohort.Key] = counts;
            }

            var strengths = await documents.StrengthsAsync(options.Value.DefaultPriorStrengths, cancellationToken);
            var updates = new List<SendTimeUpdated>();
            foreach (var (userId, stored, learned, items) in users)
            {
                var next = learned;
                // On a retry of this batch the counts already hold its evidence (and the stored deliveries and opens its
                // outcomes), and the hour it changed from is the one kept.
                var added = next.Counts.AddBatch(batchId, items);
                var bestHourBefore = added ? stored?.BestHourOfWeek : stored?.BestHourBeforeLastBatch;
                if (!added && stored is not null)
                {
                    next = next with { Deliveries = stored.Deliveries, Delivered = stored.Delivered, Engaged = stored.Engaged, EngagedEmails = stored.EngagedEmails };
                }

                var cohort = next.Country is { } country ? cohorts[SendTimeDocuments.CohortKey(country)] : null;
                var bestHour = await slices.WriteAsync(userId, next, cohort, population, strengths, cancellationToken);
                await store.PutAsync(SendTimeNames.UsersCollection, userId, next with { BestHourOfWeek = bestHour, BestHourBeforeLastBatch = bestHourBefore }, cancellationToken);
                if (bestHour is { } hour && bestHourBefore != hour)
                {
                    updates.Add(slices.Announce(StableIds.From("tailor.sendtime.best-hour", batchId.ToString("D"), userId), userId, next, hour));
                }
            }

            metrics.Learned(evidence.Count(item => !item.IsDelivery), updates.Count);
            activity?.SetTag("tailor.sendtime.best_hour_changes", updates.Count);
            return updates;
        }
        catch (Exception exception) when (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, exception.Message);
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Records a user's time zone and country. Counts (and send outcomes) kept in an old zone move by the difference between the zones'
    /// offsets today (an approximation across daylight-saving dates, and exact for the common case of a user whose
    /// zone arrives after a few events counted in the account default). Returns the update when the best hour moved.
    /// </summary>
    public async Task<SendTimeUpdated?> IdentifyAsync(Guid eventId, string userId, string? timeZoneTrait, string? country, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var store = documents.Store;
            var stored = await store.FindAsync<UserSendTimeState>(SendTimeNames.UsersCollection, userId, cancellationToken);
            var zone = TimeZoneResolver.Resolve(timeZoneTrait, country, options.Value.AccountTimeZone);
            var state = stored ?? new UserSendTimeState(new HourOfWeekCounts(), null);
            var knownCountry = string.IsNullOrWhiteSpace(country) ? state.Country : country.Trim();
            if (stored is not null && stored.TimeZone == zone.Id && stored.Country == knownCountry)
            {
                return null;
            }

            var oldZone = TimeZoneResolver.Find(state.TimeZone) ?? options.Value.AccountTimeZone;
            state.Counts.EnsureValid(userId);
            var next = Shift(state, oldZone, zone) with { TimeZone = zone.Id, Country = knownCountry };
            int? bestHour = null;
            if (next.Counts.Events > 0)
            {
                var population = await documents.PopulationAsync(cancellationToken);
                var cohort = knownCountry is null ? null : await documents.CohortAsync(knownCountry, cancellationToken);
                var strengths = await documents.StrengthsAsync(options.Value.DefaultPriorStrengths, cancellationToken);
                bestHour = await slices.WriteAsync(userId, next, cohort, population, strengths, cancellationToken);
            }

            await store.PutAsync(SendTimeNames.UsersCollection, userId, next with { BestHourOfWeek = bestHour ?? state.BestHourOfWeek }, cancellationToken);
            return bestHour is { } hour && hour != state.BestHourOfWeek
                ? slices.Announce(StableIds.From("tailor.sendtime.identified", eventId.ToString("D"), userId), userId, next, hour)
                : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> under the gate, so nothing else updates SendTime's documents meanwhile.</summary>
    public async Task<T> ExclusiveAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await work(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets a user's counts. Their past evidence stays in the population and cohort, where it is no longer theirs.</summary>
    public Task ForgetAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return ExclusiveAsync(token => documents.Store.DeleteAsync(SendTimeNames.UsersCollection, userId, token), cancellationToken);
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>
    /// The user's next state and their evidence as (local hour, weight). A delivery counts as sent at its hour. The first
    /// open or click of a delivered email counts as that hour's success (<see cref="SendOutcomes"/>), and is evidence of
    /// activity only when it came an hour or more later (the reader's own session, weighed by
    /// <see cref="OpenLatency.Factor"/>): an open right after delivery says the hour Tailor chose worked, which the
    /// outcomes already say, and counting it as activity too would let Tailor's own choices feed its estimate.
    /// </summary>
    private (UserSendTimeState Next, List<(int HourOfWeek, double Weight)> Items) Localise(
        UserSendTimeState? stored, IEnumerable<SendTimeEvidence> evidence, OpenLatency latency, List<TimeSpan> latencies)
    {
        var zone = TimeZoneResolver.Find(stored?.TimeZone) ?? options.Value.AccountTimeZone;
        var deliveries = new Dictionary<Guid, DateTimeOffset>(stored?.Deliveries ?? []);
        var delivered = (double[]?)stored?.Delivered?.Clone() ?? new double[WeekHours.Count];
        var engaged = (double[]?)stored?.Engaged?.Clone() ?? new double[WeekHours.Count];
        var engagedEmails = new List<Guid>(stored?.EngagedEmails ?? []);
        var items = new List<(int, double)>();
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

            items.Add((WeekHours.Of(item.OccurredAt, zone), weight));
        }

        var kept = deliveries.OrderByDescending(delivery => delivery.Value).Take(UserSendTimeState.DeliveriesKept).ToDictionary();
        var counts = stored?.Counts ?? new HourOfWeekCounts();
        return (new UserSendTimeState(
            counts, stored?.BestHourOfWeek, stored?.BestHourBeforeLastBatch, zone.Id, stored?.Country, kept,
            delivered, engaged, [.. engagedEmails.TakeLast(UserSendTimeState.DeliveriesKept)]), items);
    }

    // Everything kept per local hour moves together: the evidence, and what Tailor's sends did at each hour.
    private UserSendTimeState Shift(UserSendTimeState state, TimeZoneInfo from, TimeZoneInfo to)
    {
        var now = clock.GetUtcNow();
        var hours = (int)Math.Round((to.GetUtcOffset(now) - from.GetUtcOffset(now)).TotalHours);
        if (hours == 0)
        {
            return state;
        }

        var counts = state.Counts;
        return state with
        {
            Counts = new HourOfWeekCounts { Weights = Rotate(counts.Weights, hours), Events = counts.Events, LastBatch = counts.LastBatch },
            Delivered = state.Delivered is { } delivered ? Rotate(delivered, hours) : null,
            Engaged = state.Engaged is { } engaged ? Rotate(engaged, hours) : null,
        };
    }

    private static double[] Rotate(double[] week, int hours)
    {
        var rotated = new double[WeekHours.Count];
        for (var hour = 0; hour < WeekHours.Count; hour++)
        {
            rotated[(((hour + hours) % WeekHours.Count) + WeekHours.Count) % WeekHours.Count] = week[hour];
        }

        return rotated;
    }
}
