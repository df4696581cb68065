using Tailor.OptionsValidation;
namespace Tailor.Profiles.Redis;

/// <summary>Section <c>Tailor:Redis</c>; the server itself is <c>ConnectionStrings:redis</c>.</summary>
public sealed class RedisProfileOptions
{
    public const string Section = "Tailor:Redis";

    /// <summary>Put before every key, so several deployments (or test runs) can share one Redis.</summary>
    /// <remarks>No braces (doubled in the message, which is a format string): the rebuild's keys use the slice name as a Redis Cluster hash tag, which braces in the prefix would replace.</remarks>
    [System.ComponentModel.DataAnnotations.RegularExpression("^[^{}]*$", ErrorMessage = "Tailor:Redis:KeyPrefix must not contain '{{' or '}}' (they would change which Redis Cluster node each key lives on).")]
    public string KeyPrefix { get; set; } = string.Empty;

    /// <summary>How often each service checks that Redis still holds its slices (a restart, a flush, a write that failed during an outage) and writes them back from its store when not.</summary>
    [TimeSpanRange("00:00:00.100", "01:00:00")]
    public TimeSpan RebuildCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a rebuild's claim lasts unless its replica renews it (every third of this while it runs): a replica that died mid-rebuild blocks the others this long.</summary>
    [TimeSpanRange("00:00:01", "1.00:00:00")]
    public TimeSpan RebuildLease { get; set; } = TimeSpan.FromMinutes(10);
}
