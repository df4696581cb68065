using StackExchange.Redis;

namespace Tailor.Profiles.Redis;

/// <summary>What counts as Redis being away.</summary>
public static class RedisOutage
{
    /// <summary>The failures that mean Redis is unreachable, as opposed to a bad command.</summary>
    public static bool IsOutage(Exception exception) => exception is RedisConnectionException or RedisTimeoutException;
}
