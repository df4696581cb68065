using Tailor.SendTime.Model;
using Tailor.Storage;

namespace Tailor.SendTime.Learning;

/// <summary>
/// SendTime's shared documents (population, cohorts, open latency, fitted prior strengths): read checked for shape, and
/// added to by conditional updates (<see cref="DocumentUpdates.UpdateAsync{TDocument}"/>), so replicas adding at once
/// lose nothing.
/// </summary>
public sealed class SendTimeDocuments(IDocumentStore documents)
{
    public IDocumentStore Store => documents;

    public async Task<HourOfWeekCounts> PopulationAsync(CancellationToken cancellationToken) =>
        (await documents.FindAsync<HourOfWeekCounts>(SendTimeNames.PopulationCollection, SendTimeNames.PopulationId, cancellationToken))
            ?.EnsureValid(SendTimeNames.PopulationId) ?? new HourOfWeekCounts();

    public async Task<HourOfWeekCounts> CohortAsync(string country, CancellationToken cancellationToken) =>
        (await documents.FindAsync<HourOfWeekCounts>(SendTimeNames.CohortsCollection, CohortKey(country), cancellationToken))
            ?.EnsureValid(CohortKey(country)) ?? new HourOfWeekCounts();

    public async Task<OpenLatency> LatencyAsync(CancellationToken cancellationToken) =>
        (await documents.FindAsync<OpenLatency>(SendTimeNames.PopulationCollection, SendTimeNames.LatencyId, cancellationToken))
            ?.EnsureValid() ?? new OpenLatency();

    /// <summary>The strengths last fitted on data, or <paramref name="fallback"/> before the first fit.</summary>
    public async Task<PriorStrengths> StrengthsAsync(PriorStrengths fallback, CancellationToken cancellationToken) =>
        (await documents.FindAsync<PriorStrengths>(SendTimeNames.PopulationCollection, SendTimeNames.PriorStrengthsId, cancellationToken))
            ?.EnsureValid() ?? fallback;

    /// <summary>The population and strengths as stored now, with the cohorts of <paramref name="countries"/>.</summary>
    public async Task<SendTimePriors> PriorsAsync(IEnumerable<string> countries, PriorStrengths fallback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(countries);
        var cohorts = new Dictionary<string, HourOfWeekCounts>(StringComparer.Ordinal);
        foreach (var key in countries.Select(CohortKey).Distinct(StringComparer.Ordinal))
        {
            cohorts[key] = await CohortAsync(key, cancellationToken);
        }

        return new SendTimePriors(await PopulationAsync(cancellationToken), cohorts, await StrengthsAsync(fallback, cancellationToken));
    }

    /// <summary>
    /// Replaces one user's part of the population and cohorts when their zone or country arrives: their counts as they
    /// were (on the old clock, in the old cohort or none) out, as they are now in. So the priors hold every user's hours
    /// on the user's own clock whichever came first, their events or their zone, as with one replica so with many.
    /// </summary>
    public async Task ReplaceInPriorsAsync(
        HourOfWeekCounts before, string? countryBefore, HourOfWeekCounts after, string? countryAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var (cohortBefore, cohortAfter) = (countryBefore is null ? null : CohortKey(countryBefore), countryAfter is null ? null : CohortKey(countryAfter));
        if (!before.Weights.SequenceEqual(after.Weights))
        {
            await ReplaceAsync(SendTimeNames.PopulationCollection, SendTimeNames.PopulationId, before, after, cancellationToken);
        }

        if (cohortBefore == cohortAfter)
        {
            if (cohortAfter is not null && !before.Weights.SequenceEqual(after.Weights))
            {
                await ReplaceAsync(SendTimeNames.CohortsCollection, cohortAfter, before, after, cancellationToken);
            }

            return;
        }

        if (cohortBefore is not null)
        {
            await ReplaceAsync(SendTimeNames.CohortsCollection, cohortBefore, before, null, cancellationToken);
        }

        if (cohortAfter is not null)
        {
            await ReplaceAsync(SendTimeNames.CohortsCollection, cohortAfter, null, after, cancellationToken);
        }
    }

    /// <summary>Adds evidence to everyone's counts.</summary>
    public Task AddToPopulationAsync(IReadOnlyCollection<HourEvidence> evidence, CancellationToken cancellationToken) =>
        AddAsync(SendTimeNames.PopulationCollection, SendTimeNames.PopulationId, evidence, cancellationToken);

    /// <summary>Adds evidence to a country's counts.</summary>
    public Task AddToCohortAsync(string country, IReadOnlyCollection<HourEvidence> evidence, CancellationToken cancellationToken) =>
        AddAsync(SendTimeNames.CohortsCollection, CohortKey(country), evidence, cancellationToken);

    /// <summary>Adds delays from delivery to open to the open-latency histogram.</summary>
    public async Task AddLatenciesAsync(IReadOnlyCollection<TimeSpan> latencies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(latencies);
        if (latencies.Count > 0)
        {
            await documents.UpdateAsync<OpenLatency>(
                SendTimeNames.PopulationCollection, SendTimeNames.LatencyId, latency => (latency?.EnsureValid() ?? new OpenLatency()).Plus(latencies), cancellationToken);
        }
    }

    /// <summary>Countries as platforms write them differ in case and spacing; one cohort per country regardless.</summary>
    public static string CohortKey(string country)
    {
        ArgumentNullException.ThrowIfNull(country);
        return country.Trim().ToUpperInvariant();
    }

    private async Task ReplaceAsync(string collection, string id, HourOfWeekCounts? before, HourOfWeekCounts? after, CancellationToken cancellationToken)
    {
        if ((before?.Events ?? 0) > 0 || (after?.Events ?? 0) > 0)
        {
            await documents.UpdateAsync<HourOfWeekCounts>(collection, id, counts => (counts?.EnsureValid(id) ?? new HourOfWeekCounts()).Replaced(before, after), cancellationToken);
        }
    }

    private async Task AddAsync(string collection, string id, IReadOnlyCollection<HourEvidence> evidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.Count > 0)
        {
            await documents.UpdateAsync<HourOfWeekCounts>(collection, id, counts => (counts?.EnsureValid(id) ?? new HourOfWeekCounts()).Plus(evidence), cancellationToken);
        }
    }
}
