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

    /// <summary>Calls timestamped earlier are refused. Old-but-real data is welcome: Tailor replays history such as 2010's Online Retail set.</summary>
    public DateTimeOffset EarliestTimestamp { get; set; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How far past the server's clock a (skew-corrected) timestamp may be.</summary>
    [TimeSpanRange("00:00:00", "30.00:00:00")]
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How far past the server's clock a campaign's send window may end. Its emails are written when it is requested,
    /// from that day's catalog, prices and recommendations, so a send much later would show what no longer holds.
    /// </summary>
    [TimeSpanRange("1.00:00:00", "3650.00:00:00")]
    public TimeSpan MaxSendWindowAhead { get; set; } = TimeSpan.FromDays(365);

    /// <summary>
    /// How long a model rollback waits for Recommendation's answer before it is answered 202; the request stays queued
    /// and runs when Recommendation can (a training running holds it until it ends).
    /// </summary>
    [TimeSpanRange("00:00:00.100", "00:05:00")]
    public TimeSpan RollbackWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Most flattened properties or traits one call may carry (a nested object counts each leaf).</summary>
    [Range(1, 10_000)]
    public int MaxPropertiesPerCall { get; set; } = 300;

    /// <summary>Requests per second each API key may make on average (a batch is one request).</summary>
    [Range(1, 1_000_000)]
    public int RateLimitPerSecond { get; set; } = 200;

    /// <summary>Requests a key may make at once before the average applies.</summary>
    [Range(1, 1_000_000)]
    public int RateLimitBurst { get; set; } = 400;

    /// <summary>Keys given in configuration (checked at start by <c>ConfiguredApiKeysValidation</c>); more are created through the admin API.</summary>
    public List<Security.ConfiguredApiKey> ApiKeys { get; set; } = [];
}
