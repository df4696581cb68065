using System.Text;
using StackExchange.Redis;

namespace Tailor.EndToEnd.Tests;

/// <summary>
/// Every Redis key under a run's prefix that is a user's (<see cref="UserMarks"/>): its name names them, or any value it
/// holds does (a hash's fields and values, a set's, list's or sorted set's members, a string read as UTF-8). Read key by
/// key with SCAN rather than through the profile cache, so no key a service might add is missed.
/// </summary>
internal static class UserRedisKeys
{
    public static async Task<IReadOnlyList<string>> InAsync(string redisConfiguration, string keyPrefix, UserMarks user)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(redisConfiguration);
        var database = redis.GetDatabase();
        var found = new List<string>();
        foreach (var server in redis.GetServers())
        {
            await foreach (var key in server.KeysAsync(pattern: keyPrefix + "*", pageSize: 1000))
            {
                var name = key.ToString()[keyPrefix.Length..];
                var values = await ValuesAsync(database, key);
                if (user.NamedBy(name) || values.Any(value => user.Owns(value) || user.MentionedIn(value)))
                {
                    found.Add($"redis {name}");
                }
            }
        }

        return found;
    }

    private static async Task<IReadOnlyList<string>> ValuesAsync(IDatabase database, RedisKey key) => await database.KeyTypeAsync(key) switch
    {
        RedisType.String => [Utf8(await database.StringGetAsync(key))],
        RedisType.Hash => [.. (await database.HashGetAllAsync(key)).SelectMany(entry => new[] { entry.Name.ToString(), entry.Value.ToString() })],
        RedisType.Set => [.. (await database.SetMembersAsync(key)).Select(member => member.ToString())],
        RedisType.List => [.. (await database.ListRangeAsync(key)).Select(member => member.ToString())],
        RedisType.SortedSet => [.. (await database.SortedSetRangeByRankAsync(key)).Select(member => member.ToString())],
        RedisType.Stream => [.. (await database.StreamRangeAsync(key)).SelectMany(entry => entry.Values).Select(pair => $"{pair.Name}={pair.Value}")],
        _ => [],
    };

    // A cached vector is raw floats: read as text it names nobody, but a string value may be JSON that does.
    private static string Utf8(RedisValue value) => value.HasValue ? Encoding.UTF8.GetString((byte[])value!) : string.Empty;
}
