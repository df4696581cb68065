using System.Diagnostics;
using Microsoft.Extensions.Options;
using Tailor.Contracts;
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
/// </remarks>
public sealed class SendTimeLearner(
    IDocumentStore documents,
    IProfileCache profiles,
    IOptions<SendTimeOptions> options,
    SendTimeMetrics metrics,
    TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Returns one <see cref="SendTimeUpdated"/> per user of the batch whose best hour changed.</summary>
    public async Task<IReadOnlyList<SendTimeUpdated>> LearnAsync(
        IReadOnlyCollection<SendTimeEvidence> evidence, CancellationToken cancellationToken)
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
            foreach (var item in evidence)
            {
                population.Add(item.HourOfWeek, item.Weight);
            }

            await documents.PutAsync(SendTimeNames.PopulationCollection, SendTimeNames.PopulationId, population, cancellationToken);

            var updates = new List<SendTimeUpdated>();
            foreach (var userEvidence in evidence.GroupBy(item => item.UserId, StringComparer.Ordinal))
            {
                if (await LearnUserAsync(userEvidence.Key, userEvidence, population, cancellationToken) is { } update)
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
        string userId, IEnumerable<SendTimeEvidence> evidence, HourOfWeekCounts population, CancellationToken cancellationToken)
    {
        var state = await documents.FindAsync<UserSendTimeState>(SendTimeNames.UsersCollection, userId, cancellationToken);
        var counts = state?.Counts.EnsureValid(userId) ?? new HourOfWeekCounts();
        foreach (var item in evidence)
        {
            counts.Add(item.HourOfWeek, item.Weight);
        }

        var weights = SendTimePosterior.Weights(counts, population, options.Value.PriorStrength);
        var bestHour = SendTimePosterior.BestHour(weights);
        var evidenceCount = (int)Math.Min(counts.Events, int.MaxValue);
        var now = clock.GetUtcNow();

        await documents.PutAsync(SendTimeNames.UsersCollection, userId, new UserSendTimeState(counts, bestHour), cancellationToken);
        await profiles.WriteSliceAsync(userId, new SendTimeSlice(weights, bestHour, evidenceCount, now), cancellationToken);
        return state?.BestHourOfWeek == bestHour
            ? null
            : new SendTimeUpdated(Guid.NewGuid(), userId, now, bestHour, evidenceCount);
    }

    private async Task<HourOfWeekCounts> LoadPopulationAsync(CancellationToken cancellationToken)
    {
        var population = await documents.FindAsync<HourOfWeekCounts>(
            SendTimeNames.PopulationCollection, SendTimeNames.PopulationId, cancellationToken);
        return population?.EnsureValid(SendTimeNames.PopulationId) ?? new HourOfWeekCounts();
    }
}
