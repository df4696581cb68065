using System.Diagnostics;
using Microsoft.Extensions.Options;
using Tailor.Contracts;
using Tailor.Messaging;
using Tailor.Profiles;
using Tailor.SendTime.Diagnostics;
using Tailor.Storage;

namespace Tailor.SendTime.Learning;

/// <summary>
/// Folds a batch of evidence into the population's and each user's counts, writes each touched user's
/// <see cref="SendTimeSlice"/>, and says whose best hour changed.
/// </summary>
/// <remarks>
/// Every update is a read-modify-write of the population document and of user documents, so one gate serialises
/// all of them in this process (activity batches, engagement batches, erasures): nothing is updated concurrently.
/// Users outside the batch keep the slice computed with the population of their last update; the population moves
/// slowly, and their next event refreshes it.
/// A retried batch (same id) is not added twice to a document that already holds it. Only the batch last added is
/// remembered, so if a batch of the other consumer lands between a failed attempt and its retry, the retry adds its
/// evidence to the population again: a failure and a race together, and a small bias of a slow-moving prior; accepted.
/// </remarks>
public sealed class SendTimeLearner(
    IDocumentStore documents,
    IProfileCache profiles,
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
            var population = await LoadPopulationAsync(cancellationToken);
            if (population.AddBatch(batchId, evidence))
            {
                await documents.PutAsync(SendTimeNames.PopulationCollection, SendTimeNames.PopulationId, population, cancellationToken);
            }

            var updates = new List<SendTimeUpdated>();
            foreach (var userEvidence in evidence.GroupBy(item => item.UserId, StringComparer.Ordinal))
            {
                if (await LearnUserAsync(batchId, userEvidence.Key, userEvidence, population, cancellationToken) is { } update)
                {
                    updates.Add(update);
                }
            }

            metrics.Learned(evidence.Count, updates.Count);
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
    /// Recomputes every user's slice against today's population. Between refreshes a user keeps the prior of their last
    /// update, so two deployments that saw the same events in different batches can disagree slightly; after a refresh
    /// the slices depend only on the events. Announces the users whose best hour moved, under ids derived from
    /// <paramref name="requestId"/>. Returns how many users were refreshed.
    /// </summary>
    public async Task<(int Users, IReadOnlyList<SendTimeUpdated> Changes)> RefreshAsync(Guid requestId, CancellationToken cancellationToken)
    {
        using var activity = SendTimeTelemetry.Source.StartActivity("sendtime refresh");
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var population = await LoadPopulationAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var users = 0;
            var changes = new List<SendTimeUpdated>();
            await foreach (var (userId, state) in documents.ListAsync<UserSendTimeState>(SendTimeNames.UsersCollection, cancellationToken))
            {
                var counts = state.Counts.EnsureValid(userId);
                var weights = SendTimePosterior.Weights(counts, population, options.Value.PriorStrength);
                var bestHour = SendTimePosterior.BestHour(weights);
                var evidenceCount = (int)Math.Min(counts.Events, int.MaxValue);
                await profiles.WriteSliceAsync(userId, new SendTimeSlice(weights, bestHour, evidenceCount, now), cancellationToken);
                if (bestHour != state.BestHourOfWeek)
                {
                    await documents.PutAsync(SendTimeNames.UsersCollection, userId, state with { BestHourOfWeek = bestHour }, cancellationToken);
                    changes.Add(new SendTimeUpdated(
                        StableIds.From("tailor.sendtime.refresh", requestId.ToString("D"), userId), userId, now, bestHour, evidenceCount));
                }

                users++;
            }

            activity?.SetTag("tailor.sendtime.users", users);
            return (users, changes);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets a user's counts. Their past evidence stays in the population, where it is no longer theirs.</summary>
    public async Task ForgetAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await documents.DeleteAsync(SendTimeNames.UsersCollection, userId, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<SendTimeUpdated?> LearnUserAsync(
        Guid batchId, string userId, IEnumerable<SendTimeEvidence> evidence, HourOfWeekCounts population, CancellationToken cancellationToken)
    {
        var state = await documents.FindAsync<UserSendTimeState>(SendTimeNames.UsersCollection, userId, cancellationToken);
        var counts = state?.Counts.EnsureValid(userId) ?? new HourOfWeekCounts();
        // On a retry of this batch the counts already hold its evidence, and the hour it changed from is the one kept.
        var bestHourBefore = counts.AddBatch(batchId, evidence) ? state?.BestHourOfWeek : state?.BestHourBeforeLastBatch;

        var weights = SendTimePosterior.Weights(counts, population, options.Value.PriorStrength);
        var bestHour = SendTimePosterior.BestHour(weights);
        var evidenceCount = (int)Math.Min(counts.Events, int.MaxValue);
        var now = clock.GetUtcNow();

        await documents.PutAsync(SendTimeNames.UsersCollection, userId, new UserSendTimeState(counts, bestHour, bestHourBefore), cancellationToken);
        await profiles.WriteSliceAsync(userId, new SendTimeSlice(weights, bestHour, evidenceCount, now), cancellationToken);
        return bestHourBefore == bestHour
            ? null
            : new SendTimeUpdated(StableIds.From("tailor.sendtime.best-hour", batchId.ToString("D"), userId), userId, now, bestHour, evidenceCount);
    }

    private async Task<HourOfWeekCounts> LoadPopulationAsync(CancellationToken cancellationToken)
    {
        var population = await documents.FindAsync<HourOfWeekCounts>(
            SendTimeNames.PopulationCollection, SendTimeNames.PopulationId, cancellationToken);
        return population?.EnsureValid(SendTimeNames.PopulationId) ?? new HourOfWeekCounts();
    }
}
