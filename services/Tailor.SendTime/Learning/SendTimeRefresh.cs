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
/// <remarks>
/// It runs alongside the consumers, on any replica: each user's best hour is stored by a conditional update of the
/// user's state as it is at that moment, and each slice is written from the newest state
/// (<see cref="SendTimeSliceWriter.WriteLatestAsync(string, Tailor.Storage.Versioned{UserSendTimeState}, SendTimePriors, CancellationToken)"/>), so a batch that updates a user during a refresh is neither
/// overwritten nor undone. The strengths are one document, written only here; two refreshes at once fit the same data.
/// </remarks>
public sealed class SendTimeRefresh(
    SendTimeDocuments documents,
    SendTimeSliceWriter slices,
    IOptions<SendTimeOptions> options,
    SendTimeMetrics metrics)
{
    /// <summary>
    /// Announces the users whose best hour moved, under ids derived from <paramref name="requestId"/>. Returns how many
    /// users were refreshed and the strengths now in use.
    /// </summary>
    public async Task<(int Users, PriorStrengths Strengths, IReadOnlyList<SendTimeUpdated> Changes)> RefreshAsync(Guid requestId, CancellationToken cancellationToken)
    {
        using var activity = SendTimeTelemetry.Source.StartActivity("sendtime refresh");
        var population = await documents.PopulationAsync(cancellationToken);
        var cohorts = await CohortsAsync(cancellationToken);
        var strengths = await FitAsync(population, cohorts, cancellationToken);
        await documents.Store.PutAsync(SendTimeNames.PopulationCollection, SendTimeNames.PriorStrengthsId, strengths, cancellationToken);
        metrics.PriorStrengthsFitted(strengths);

        var priors = new SendTimePriors(population, cohorts, strengths);
        var users = 0;
        var changes = new List<SendTimeUpdated>();
        foreach (var userId in await UserIdsAsync(cancellationToken))
        {
            int? before = null, after = null;
            var stored = await documents.Store.UpdateAsync<UserSendTimeState>(SendTimeNames.UsersCollection, userId, state =>
            {
                (before, after) = (state?.BestHourOfWeek, null);
                if (state is null)
                {
                    return null;
                }

                state.Counts.EnsureValid(userId);
                after = slices.BestHour(state, priors);
                return after is null || after == before ? state : state with { BestHourOfWeek = after };
            }, cancellationToken);

            // Erased since the listing: skipped, not brought back.
            if (stored is null)
            {
                continue;
            }

            users++;
            await slices.WriteLatestAsync(userId, stored, priors, cancellationToken);
            if (after is { } hour && hour != before)
            {
                changes.Add(slices.Announce(StableIds.From("tailor.sendtime.refresh", requestId.ToString("D"), userId), userId, stored.Document, hour));
            }
        }

        activity?.SetTag("tailor.sendtime.users", users);
        return (users, strengths, changes);
    }

    /// <summary>
    /// Writes every user's slice again with the strengths in use, fitting nothing: what the profile cache needs after it
    /// lost its data (SendTime registers it as its profile-slice rebuilder). Each user is read again just before their
    /// slice is written, and a state that changed meanwhile has its newest slice written. Nothing is announced: a best
    /// hour that moved (the priors moved since the user's last update) is announced at the user's next update. Returns
    /// how many were written.
    /// </summary>
    public async Task<int> RewriteSlicesAsync(CancellationToken cancellationToken)
    {
        var population = await documents.PopulationAsync(cancellationToken);
        var cohorts = await CohortsAsync(cancellationToken);
        var strengths = await documents.StrengthsAsync(options.Value.DefaultPriorStrengths, cancellationToken);
        var priors = new SendTimePriors(population, cohorts, strengths);
        var written = 0;
        foreach (var userId in await UserIdsAsync(cancellationToken))
        {
            // Erased since the listing: skipped, not brought back.
            if (await documents.Store.FindVersionedAsync<UserSendTimeState>(SendTimeNames.UsersCollection, userId, cancellationToken) is not { } stored)
            {
                continue;
            }

            stored.Document.Counts.EnsureValid(userId);
            // The stored best hour is left as it is: the user's next update compares against it and announces a move.
            await slices.WriteLatestAsync(userId, stored, priors, cancellationToken);
            written++;
        }

        return written;
    }

    // Listed first and updated after: no update runs while the store is being listed.
    private async Task<List<string>> UserIdsAsync(CancellationToken cancellationToken)
    {
        var userIds = new List<string>();
        await foreach (var (userId, _) in documents.Store.ListAsync(SendTimeNames.UsersCollection, cancellationToken))
        {
            userIds.Add(userId);
        }

        return userIds;
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

    /// <summary>Fits on a sample of the stored users (<see cref="PriorStrengthSample"/>).</summary>
    private async Task<PriorStrengths> FitAsync(HourOfWeekCounts population, Dictionary<string, HourOfWeekCounts> cohorts, CancellationToken cancellationToken)
    {
        var fallback = options.Value.DefaultPriorStrengths;
        if (!options.Value.FitPriorStrengths)
        {
            return fallback;
        }

        var sample = new PriorStrengthSample(options.Value.FitSampleUsers, cohorts);
        await foreach (var (userId, state) in documents.Store.ListAsync<UserSendTimeState>(SendTimeNames.UsersCollection, cancellationToken))
        {
            sample.Add(userId, state);
        }

        return sample.Fit(population, fallback);
    }
}
