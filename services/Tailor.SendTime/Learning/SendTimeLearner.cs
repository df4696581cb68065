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
/// Folds a batch of evidence into each user's counts (in the user's local time, opens weighed by their delay after
/// delivery), adds it to the population's and cohorts' counts and the open latency, writes each touched user's
/// <see cref="SendTimeSlice"/>, and says whose best hour changed. Correct with any number of replicas, and no lock:
/// </summary>
/// <remarks>
/// <para>
/// <b>Each user's state</b> is changed by a conditional update (<see cref="DocumentUpdates.UpdateManyAsync{TDocument}"/>
/// for a batch's users: one read of them all and one bulk write of those that changed, so a batch costs two store round
/// trips, not two per user): read, fold, write only if nobody wrote in between, else read and fold again. The state keeps the ids of the user's
/// recent events (<see cref="UserSendTimeState.AppliedEvents"/>) and the fold skips those, so an event is counted in
/// the user's state exactly once: when two replicas take copies of one message at once, when a batch is retried, and
/// when a crash falls between the state write and the stream's record of the message (its redelivery finds the events
/// counted).
/// </para>
/// <para>
/// The state keeps only its last ids (<see cref="SendTimeOptions.AppliedEventsKept"/>), so a copy that waits long enough
/// for that many of the user's newer events to be counted would count again. A batch waits longest when its write
/// loses races to other writers of the same user; such a batch asks the stream (<see cref="SendTimeNames.Stream"/>),
/// which records a message only after its evidence was counted, which of its events were recorded meanwhile, and leaves
/// those out before it folds again.
/// </para>
/// <para>
/// <b>The shared priors</b> (population, cohorts, open latency) are one document each (a cohort per country), added to
/// by conditional updates too, and only with the evidence that a user update found new and wrote, so a copy, a retry
/// or a redelivery adds nothing to them either: nothing is counted twice there. The users' evidence goes to the priors
/// right after the users' writes, also when a later user's write failed (in SQLite the bulk write is one transaction:
/// either all of it landed or none); only a process dying in between, or a
/// failed prior write, leaves some of it out of the priors (never out of the user's state). The priors hold every
/// user's evidence and move slowly, which is why no replica-wide record of applied batches (a hot spot that would
/// grow with the traffic) is kept for them. The prior strengths are written only by training
/// (<see cref="SendTimeRefresh"/>); training and rebuilds update users the same conditional way, so they run alongside
/// the consumers.
/// </para>
/// <para>
/// A user's estimate is computed against the priors as read when the batch started, plus the user's own new
/// evidence. Users outside the batch keep the slice computed with the priors of their last update; the priors move
/// slowly, and their next event (or a training) updates it.
/// </para>
/// </remarks>
public sealed class SendTimeLearner(
    SendTimeDocuments documents,
    IEventStore events,
    UserEvidenceFold fold,
    SendTimeSliceWriter slices,
    IOptions<SendTimeOptions> options,
    SendTimeMetrics metrics,
    TimeProvider clock)
{
    /// <summary>
    /// Returns one <see cref="SendTimeUpdated"/> per user of the batch whose best hour changed. <paramref name="batchId"/>
    /// identifies the batch (the caller derives it from the events), so a retry announces the same changes under the
    /// same ids.
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
        try
        {
            var latency = await documents.LatencyAsync(cancellationToken);
            var priors = await documents.PriorsAsync([], options.Value.DefaultPriorStrengths, cancellationToken);
            var learned = new List<LearnedUser>();
            try
            {
                await LearnUsersAsync(evidence, batchId, latency, priors, learned, cancellationToken);
            }
            finally
            {
                // Also when a later user's update failed: the batch's retry finds these users' events counted and
                // would add nothing for them.
                await AddToPriorsAsync([.. learned.Where(user => user.Folded is not null).Select(user => user.Folded!)], cancellationToken);
            }

            var written = learned.Where(user => user.Stored is not null).ToList();
            await slices.WriteLatestAsync(
                [.. written.Select(user => new SliceToWrite(user.UserId, user.Stored!, user.Priors.With(user.Stored!.Document.Country, user.Folded?.Hours ?? [])))],
                cancellationToken);

            var updates = new List<SendTimeUpdated>();
            foreach (var user in written)
            {
                // The batch that added the evidence (this one, or an earlier attempt of it) announces the move it made.
                var stored = user.Stored!.Document;
                if (stored.Counts.LastBatch == batchId && stored.BestHourOfWeek is { } hour && hour != stored.BestHourBeforeLastBatch)
                {
                    updates.Add(slices.Announce(StableIds.From("tailor.sendtime.best-hour", batchId.ToString("D"), user.UserId), user.UserId, stored, hour));
                }
            }

            metrics.Learned(learned.Sum(user => user.Folded?.Learned ?? 0), updates.Count);
            activity?.SetTag("tailor.sendtime.best_hour_changes", updates.Count);
            return updates;
        }
        catch (Exception exception) when (activity is not null)
        {
            // The type, as the storage spans record it: a message can quote what failed, and traces are shipped elsewhere.
            activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            throw;
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
        var store = documents.Store;
        var named = TimeZoneResolver.Find(timeZoneTrait);
        var cohortCountry = string.IsNullOrWhiteSpace(country)
            ? (await store.FindAsync<UserSendTimeState>(SendTimeNames.UsersCollection, userId, cancellationToken))?.Country
            : country.Trim();
        var priors = await documents.PriorsAsync(cohortCountry is null ? [] : [cohortCountry], options.Value.DefaultPriorStrengths, cancellationToken);
        var now = clock.GetUtcNow();
        int? bestHourBefore = null;
        var moved = false;
        UserSendTimeState? before = null;
        var stored = await store.UpdateAsync<UserSendTimeState>(SendTimeNames.UsersCollection, userId, current =>
        {
            moved = false;
            var state = before = current ?? UserSendTimeState.Unknown;
            var knownCountry = string.IsNullOrWhiteSpace(country) ? state.Country : country.Trim();
            var oldZone = state.ZoneOr(options.Value.AccountTimeZone);
            // A trait persists until it is changed (Segment's identify sends what changed), so a call naming only a
            // country, or a zone no one can read ("+05:30"), has not taken back a zone the user or their device named: it
            // stays, and the country is recorded. Without one, the country known for the user decides, not only this call's.
            var keepNamed = named is null && state.ZoneNamed && state.TimeZone is not null;
            var newZone = keepNamed ? oldZone : named ?? TimeZoneResolver.Resolve(null, knownCountry, options.Value.AccountTimeZone);
            var zoneNamed = named is not null || keepNamed;
            if (current is not null && current.TimeZone == newZone.Id && current.Country == knownCountry && current.ZoneNamed == zoneNamed)
            {
                return current;
            }

            state.Counts.EnsureValid(userId);
            var next = Shift(state, oldZone, newZone, now) with { TimeZone = newZone.Id, Country = knownCountry, ZoneNamed = zoneNamed };
            (bestHourBefore, moved) = (state.BestHourOfWeek, true);
            return next with { BestHourOfWeek = slices.BestHour(next, priors) ?? state.BestHourOfWeek };
        }, cancellationToken);

        if (!moved || stored is null)
        {
            return null;
        }

        // The user's evidence already in the priors was added on their old clock and to their old cohort (or none).
        await documents.ReplaceInPriorsAsync(before!.Counts, before.Country, stored.Document.Counts, stored.Document.Country, cancellationToken);
        await slices.WriteLatestAsync(userId, stored, priors, cancellationToken);
        return stored.Document.BestHourOfWeek is { } hour && hour != bestHourBefore
            ? slices.Announce(StableIds.From("tailor.sendtime.identified", eventId.ToString("D"), userId), userId, stored.Document, hour)
            : null;
    }

    /// <summary>
    /// Forgets a user's counts. Their past evidence stays in the population and cohort, where it is no longer theirs.
    /// A batch updating the user at the same moment finds the state gone when it writes the slice, and removes it.
    /// </summary>
    public Task ForgetAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return documents.Store.DeleteAsync(SendTimeNames.UsersCollection, userId, cancellationToken);
    }

    /// <summary>
    /// Folds each user's evidence into their stored state: the batch's users are read in one query and written in one
    /// conditional bulk write (<see cref="DocumentUpdates.UpdateManyAsync{TDocument}"/>; a user another replica wrote
    /// meanwhile is folded again and written alone). The fold needs the user's cohort, whose country is only known once
    /// the state is read: a user whose cohort was not read yet is left unwritten, the cohorts missing are read, and
    /// those users go through another round. So does a user whose write lost a race while their state was full: their
    /// events the stream recorded meanwhile are left out first (the class remarks). Each user is added to
    /// <paramref name="learned"/> (with the priors it was computed against) as soon as its write landed, so a failure
    /// further on leaves the ones written before it there.
    /// </summary>
    private async Task LearnUsersAsync(
        IReadOnlyCollection<SendTimeEvidence> evidence,
        Guid batchId,
        OpenLatency latency,
        SendTimePriors priors,
        List<LearnedUser> learned,
        CancellationToken cancellationToken)
    {
        var evidenceByUser = evidence
            .GroupBy(item => item.UserId, StringComparer.Ordinal)
            .ToDictionary(user => user.Key, user => user.ToList(), StringComparer.Ordinal);
        var pending = evidenceByUser.Keys.ToList();
        for (var round = 1; pending.Count > 0; round++)
        {
            var roundPriors = priors;
            var folds = new Dictionary<string, FoldedEvidence?>(StringComparer.Ordinal);
            var unreadCohorts = new Dictionary<string, string>(StringComparer.Ordinal);
            var calls = new ChangeCalls();
            var lostWhileFull = new HashSet<string>(StringComparer.Ordinal);
            await documents.Store.UpdateManyAsync<UserSendTimeState>(
                SendTimeNames.UsersCollection,
                pending,
                (userId, current) =>
                {
                    folds[userId] = null;
                    unreadCohorts.Remove(userId);
                    lostWhileFull.Remove(userId);

                    // The write lost to another writer, and whatever that writer counted may have pushed the ids of this
                    // batch's copies out of the state's memory (it only forgets when full).
                    if (calls.AfterLostWrite(userId) && (current?.AppliedEvents?.Length ?? 0) >= options.Value.AppliedEventsKept)
                    {
                        lostWhileFull.Add(userId);
                        return null;
                    }

                    if (current?.Country is { } country && !roundPriors.Cohorts.ContainsKey(SendTimeDocuments.CohortKey(country)))
                    {
                        unreadCohorts[userId] = country;
                        return null;
                    }

                    var folded = fold.Fold(current, userId, evidenceByUser[userId], batchId, latency);
                    folds[userId] = folded;
                    if (folded is null)
                    {
                        return current;
                    }

                    var next = folded.State;
                    return next with { BestHourOfWeek = slices.BestHour(next, roundPriors.With(next.Country, folded.Hours)) ?? next.BestHourOfWeek };
                },
                (userId, stored) =>
                {
                    if (!unreadCohorts.ContainsKey(userId) && !lostWhileFull.Contains(userId))
                    {
                        learned.Add(new LearnedUser(userId, stored, folds[userId] is { } folded ? folded with { State = stored!.Document } : null, roundPriors));
                    }
                },
                cancellationToken);

            pending = [.. unreadCohorts.Keys];
            if (lostWhileFull.Count > 0)
            {
                // Whoever recorded an event in the stream counted it: only the rest is folded again.
                await DocumentUpdates.PauseBeforeNextRoundAsync(SendTimeNames.UsersCollection, lostWhileFull.First(), round, cancellationToken);
                pending.AddRange(await events.LeaveOutHandledAsync(SendTimeNames.Stream, evidenceByUser, lostWhileFull, item => item.EventId, cancellationToken));
            }

            if (unreadCohorts.Count > 0)
            {
                var cohorts = new Dictionary<string, HourOfWeekCounts>(priors.Cohorts, StringComparer.Ordinal);
                foreach (var country in unreadCohorts.Values.Distinct(StringComparer.Ordinal))
                {
                    cohorts[SendTimeDocuments.CohortKey(country)] = await documents.CohortAsync(country, cancellationToken);
                }

                priors = priors with { Cohorts = cohorts };
            }
        }
    }

    /// <summary>Adds what the users' updates found new to the population, their cohorts and the open latency.</summary>
    private async Task AddToPriorsAsync(IReadOnlyList<FoldedEvidence> folded, CancellationToken cancellationToken)
    {
        await documents.AddToPopulationAsync([.. folded.SelectMany(user => user.Hours)], cancellationToken);
        foreach (var cohort in folded.Where(user => user.State.Country is not null).GroupBy(user => SendTimeDocuments.CohortKey(user.State.Country!), StringComparer.Ordinal))
        {
            await documents.AddToCohortAsync(cohort.Key, [.. cohort.SelectMany(user => user.Hours)], cancellationToken);
        }

        var latencies = folded.SelectMany(user => user.Latencies).ToList();
        await documents.AddLatenciesAsync(latencies, cancellationToken);
        metrics.OpenLatencies(latencies);
    }

    // Everything kept per local hour moves together: the evidence, and what Tailor's sends did at each hour.
    private static UserSendTimeState Shift(UserSendTimeState state, TimeZoneInfo from, TimeZoneInfo to, DateTimeOffset now)
    {
        var hours = (to.GetUtcOffset(now) - from.GetUtcOffset(now)).TotalHours;
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
            Recent = state.Recent is { } recent ? recent with { Weights = Rotate(recent.Weights, hours) } : null,
        };
    }

    // A difference of whole hours moves each hour's count. One that is not (UTC to India, +5:30) moves an hour's events
    // into two local hours, by their minutes, which are not kept: the count is split by the share of the hour that
    // falls in each (half each for India; a quarter and three quarters for Nepal's +5:45). Rounding the difference
    // put all of them in one, an hour off for half of India's events.
    private static double[] Rotate(double[] week, double hours)
    {
        var whole = (int)Math.Floor(hours);
        var laterShare = hours - whole;
        var rotated = new double[WeekHours.Count];
        for (var hour = 0; hour < WeekHours.Count; hour++)
        {
            rotated[Wrap(hour + whole)] += week[hour] * (1 - laterShare);
            rotated[Wrap(hour + whole + 1)] += week[hour] * laterShare;
        }

        return rotated;
    }

    private static int Wrap(int hourOfWeek) => ((hourOfWeek % WeekHours.Count) + WeekHours.Count) % WeekHours.Count;

    /// <summary>One user of a batch: their state as stored afterwards (null when erased), what this update added (null when nothing was new), and the priors it was computed against.</summary>
    private sealed record LearnedUser(string UserId, Versioned<UserSendTimeState>? Stored, FoldedEvidence? Folded, SendTimePriors Priors);
}
