using Tailor.SendTime.Model;
using Tailor.Storage;

namespace Tailor.SendTime.Learning;

/// <summary>Reads SendTime's shared documents (population, cohorts, open latency, fitted prior strengths), checked for shape.</summary>
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

    /// <summary>Countries as platforms write them differ in case and spacing; one cohort per country regardless.</summary>
    public static string CohortKey(string country) => country.Trim().ToUpperInvariant();
}
