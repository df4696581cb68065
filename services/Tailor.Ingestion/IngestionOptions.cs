using System.ComponentModel.DataAnnotations;
using Tailor.OptionsValidation;

namespace Tailor.Ingestion;

/// <summary>Limits of the HTTP API, section <c>Tailor:Ingestion</c>.</summary>
public sealed class IngestionOptions
{
    public const string Section = "Tailor:Ingestion";

    /// <summary>Largest body of a single <c>track</c> or <c>identify</c> call; Segment allows 32 KB.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxCallBytes { get; set; } = 32 * 1024;

    /// <summary>Largest body of a <c>batch</c>, <c>catalog</c> or <c>campaigns</c> call; Segment allows 500 KB per batch.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxBatchBytes { get; set; } = 500 * 1024;

    [Range(1, 100_000)]
    public int MaxBatchItems { get; set; } = 1000;

    [Range(1, 100_000)]
    public int MaxCatalogItems { get; set; } = 1000;

    /// <summary>How long storing and publishing one request may take before it is answered 503 (the broker or store is down).</summary>
    [TimeSpanRange("00:00:00.100", "00:05:00")]
    public TimeSpan AcceptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    // The accepted event times and send windows (EarliestTimestamp, MaxFutureSkew, MaxSendWindowAhead) and the most
    // properties one call may carry (MaxPropertiesPerCall) are read from this section too, by every service: see
    // Tailor.Messaging.Rules.EventTimeOptions and PropertyCountOptions.

    /// <summary>
    /// How long a model rollback waits for Recommendation's answer before it is answered 202; the request stays queued
    /// and runs when Recommendation can (a training running holds it until it ends).
    /// </summary>
    [TimeSpanRange("00:00:00.100", "00:05:00")]
    public TimeSpan RollbackWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long after a campaign email was sent an order still counts as its conversion in the campaign's report: an
    /// order is attributed to the latest campaign email the user was sent at most this long before it
    /// (docs/campaign-reports.md, "Conversions"). At most 30 days: the ledger each order is attributed against
    /// (<see cref="Reports.ConversionLedger"/>) keeps the emails of the last <see cref="Reports.ConversionLedger.Retention"/>.
    /// </summary>
    [TimeSpanRange("01:00:00", "30.00:00:00")]
    public TimeSpan ConversionWindow { get; set; } = TimeSpan.FromDays(5);

    /// <summary>Requests per second each API key may make on average (a batch is one request).</summary>
    [Range(1, 1_000_000)]
    public int RateLimitPerSecond { get; set; } = 200;

    /// <summary>Requests a key may make at once before the average applies.</summary>
    [Range(1, 1_000_000)]
    public int RateLimitBurst { get; set; } = 400;

    /// <summary>Keys given in configuration (checked at start by <c>ConfiguredApiKeysValidation</c>); more are created through the admin API.</summary>
    public List<Security.ConfiguredApiKey> ApiKeys { get; set; } = [];
}
