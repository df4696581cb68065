namespace Tailor.Profiles.Redis;

/// <summary>Section <c>Tailor:Redis</c>; the server itself is <c>ConnectionStrings:redis</c>.</summary>
public sealed class RedisProfileOptions
{
    public const string Section = "Tailor:Redis";

    /// <summary>Put before every key, so several deployments (or test runs) can share one Redis.</summary>
    public string KeyPrefix { get; set; } = string.Empty;

    /// <summary>How often, during a Redis outage, the deferred slice writes are tried against Redis again.</summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(2);
}
