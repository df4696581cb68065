using Microsoft.Extensions.Options;
using Tailor.Contracts;
using Tailor.Messaging;
using Tailor.SendTime.Diagnostics;
using Tailor.SendTime.Model;
using Tailor.Storage;

namespace Tailor.SendTime.Learning;

/// <summary>
/// SendTime's training: fits the prior strengths on the stored counts (<see cref="HierarchyFit"/>), keeps them, and
/// recomputes every user's slice against today's priors. Between refreshes a user keeps the priors of their last
/// update, so two deployments that saw the same events in different batches can disagree slightly; after a refresh
/// the slices depend only on the events.
/// </summary>
public sealed class SendTimeRefresh(
    SendTimeLearner learner,
    SendTimeDocuments documents,
    SendTimeSliceWriter slices,
    IOptions<SendTimeOptions> options,
    SendTimeMetrics metrics)
{
    // Users rewritten per hold of the learner: long enough to be efficient, short enough that consumers barely wait.
    private const int RewritePageSize = 500;

    /// <summary>
    /// Announces the users whose best hour moved, under ids derived from <paramref name="requestId"/>. Returns how many
    /// users were refreshed and the strengths now in use.
    /// </summary>
    public Task<(int Users, PriorStrengths Strengths, IReadOnlyList<SendTimeUpdated> Changes)> RefreshAsync(Guid requestId, CancellationToken cancellationToken) =>
        learner.ExclusiveAsync(token => RefreshExclusiveAsync(requestId, token), cancellationToken);

    /// <summary>
    /// Writes every user's slice again with the strengths in use, fitting nothing: what the profile cache needs after it
    /// lost its data (SendTime registers it as its profile-slice rebuilder). The learner is held one page of users at a time, so
    /// consumers go on between pages; each user is read again under it. Nothing is announced: a best hour that moved
    /// (the priors moved since the user's last update) is announced at the user's next update. Returns how many were written.
    /// </summary>
    public async Task<int> RewriteSlicesAsync(CancellationToken cancellationToken)
    {
        var userIds = new List<string>();
        await foreach (var (userId, _) in documents.Store.ListAsync(SendTimeNames.UsersCollection, cancellationToken))
        {
            userIds.Add(userId);
        }

        var written = 0;
        foreach (var page in userIds.Chunk(RewritePageSize))
        {
            written += await learner.ExclusiveAsync(token => RewritePageAsync(page, token), cancellationToken);
        }

        return written;
    }

    private async Task<int> RewritePageAsync(IReadOnlyList<string> userIds, CancellationToken cancellationToken)
    {
        var population = await documents.PopulationAsync(cancellationToken);
        var cohorts = await CohortsAsync(cancellationToken);
        var strengths = await documents.StrengthsAsync(options.Value.DefaultPriorStrengths, cancellationToken);
        var written = 0;
        foreach (var userId in userIds)
        {
            // Erased since the listing: skipped, not brought back.
            if (await documents.Store.FindAsync<UserSendTimeState>(SendTimeNames.UsersCollection, userId, cancellationToken) is not { } state)
            {
                continue;
            }

            state.Counts.EnsureValid(userId);
            // The stored best hour is left as it is: the user's next update compares against it and announces a move.
            await slices.WriteAsync(userId, state, Cohort(cohorts, state), population, strengths, cancellationToken);
            written++;
        }

        return written;
    }

    private async Task<(int, PriorStrengths, IReadOnlyList<SendTimeUpdated>)> RefreshExclusiveAsync(Guid requestId, CancellationToken cancellationToken)
    {
        using var activity = SendTimeTelemetry.Source.StartActivity("sendtime refresh");
        var population = await documents.PopulationAsync(cancellationToken);
        var cohorts = await CohortsAsync(cancellationToken);
        var strengths = await FitAsync(population, cohorts, cancellationToken);
        await documents.Store.PutAsync(SendTimeNames.PopulationCollection, SendTimeNames.PriorStrengthsId, strengths, cancellationToken);
        metrics.PriorStrengthsFitted(strengths);

        var (users, moved) = await WriteEverySliceAsync(population, cohorts, strengths, cancellationToken);
        var changes = new List<SendTimeUpdated>();
        foreach (var (userId, state, hour) in moved)
        {
            await documents.Store.PutAsync(SendTimeNames.UsersCollection, userId, state with { BestHourOfWeek = hour }, cancellationToken);
            changes.Add(slices.Announce(StableIds.From("tailor.sendtime.refresh", requestId.ToString("D"), userId), userId, state, hour));
        }

        activity?.SetTag("tailor.sendtime.users", users);
        return (users, strengths, changes);
    }

    /// <summary>Writes every stored user's slice; returns how many users there are and those whose best hour moved.</summary>
    private async Task<(int Users, List<(string UserId, UserSendTimeState State, int BestHour)> Moved)> WriteEverySliceAsync(
        HourOfWeekCounts population, Dictionary<string, HourOfWeekCounts> cohorts, PriorStrengths strengths, CancellationToken cancellationToken)
    {
        var users = 0;
        var moved = new List<(string, UserSendTimeState, int)>();
        await foreach (var (userId, state) in documents.Store.ListAsync<UserSendTimeState>(SendTimeNames.UsersCollection, cancellationToken))
        {
            state.Counts.EnsureValid(userId);
            var bestHour = await slices.WriteAsync(userId, state, Cohort(cohorts, state), population, strengths, cancellationToken);
            if (bestHour is { } hour && hour != state.BestHourOfWeek)
            {
                moved.Add((userId, state, hour));
            }

            users++;
        }

        return (users, moved);
    }

    private async Task<Dictionary<string, HourOfWeekCounts>> CohortsAsync(CancellationToken cancellationToken)
    {
        var cohorts = new Dictionary<string, HourOfWeekCounts>(StringComparer.Ordinal);
        await foreach (var (key, counts) in documents.Store.ListAsync<HourOfWeekCounts>(SendTimeNames.CohortsCollection, cancellationToken))
        {
            cohorts[key] = counts.EnsureValid(key);
        }

        return cohorts;
    }

    /// <summary>Fits on a uniform sample of at most <see cref="SendTimeOptions.FitSampleUsers"/> users with two or more events (reservoir sampling, seeded).</summary>
    private async Task<PriorStrengths> FitAsync(HourOfWeekCounts population, Dictionary<string, HourOfWeekCounts> cohorts, CancellationToken cancellationToken)
    {
        var fallback = options.Value.DefaultPriorStrengths;
        if (!options.Value.FitPriorStrengths)
        {
            return fallback;
        }

        var limit = options.Value.FitSampleUsers;
        var random = new Random(1);
        var sample = new List<(IReadOnlyList<double>, IReadOnlyList<double>?)>();
        var seen = 0;
        await foreach (var (userId, state) in documents.Store.ListAsync<UserSendTimeState>(SendTimeNames.UsersCollection, cancellationToken))
        {
            if (state.Counts.EnsureValid(userId).Events < 2)
            {
                continue;
            }

            var unit = ((IReadOnlyList<double>)state.Counts.Weights, (IReadOnlyList<double>?)Cohort(cohorts, state)?.Weights);
            if (sample.Count < limit)
            {
                sample.Add(unit);
            }
            else if (random.Next(seen + 1) is var slot && slot < limit)
            {
                sample[slot] = unit;
            }

            seen++;
        }

        return HierarchyFit.Fit(sample, [.. cohorts.Values.Select(counts => (IReadOnlyList<double>)counts.Weights)], population.Weights, fallback);
    }

    private static HourOfWeekCounts? Cohort(Dictionary<string, HourOfWeekCounts> cohorts, UserSendTimeState state) =>
        state.Country is { } country ? cohorts.GetValueOrDefault(SendTimeDocuments.CohortKey(country)) : null;
}
