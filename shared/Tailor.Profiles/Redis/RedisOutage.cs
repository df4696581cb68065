using StackExchange.Redis;

namespace Tailor.Profiles.Redis;

/// <summary>
/// Whether this process is keeping slice writes in its store because Redis stopped answering, and the gate that
/// orders the last flush against new writes: a write waiting on it lands after the flushed ones, so a flushed older
/// slice never overwrites a newer one.
/// </summary>
public sealed class RedisOutage : IDisposable
{
    private volatile bool _deferring;

    public bool IsDeferring => _deferring;

    public DateTimeOffset? Since { get; private set; }

    internal SemaphoreSlim Gate { get; } = new(1, 1);

    public void Begin(DateTimeOffset now)
    {
        if (!_deferring)
        {
            Since = now;
            _deferring = true;
        }
    }

    /// <summary>Called by the flusher, holding <see cref="Gate"/>, once nothing deferred is left.</summary>
    internal void End()
    {
        _deferring = false;
        Since = null;
    }

    /// <summary>The failures that mean Redis is unreachable, as opposed to a bad command.</summary>
    public static bool IsOutage(Exception exception) => exception is RedisConnectionException or RedisTimeoutException;

    public void Dispose() => Gate.Dispose();
}
