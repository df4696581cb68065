using System.Text.Json;
using StackExchange.Redis;
using Tailor.Testing;

namespace Tailor.Profiles.Tests.Redis;

public sealed class RedisProfileCacheTests : ProfileCacheContractTests, IAsyncDisposable
{
    // A prefix per test keeps tests (and runs) that share one Redis apart.
    private readonly string _keyPrefix = $"tailor-test:{Guid.NewGuid():N}:";
    private ConnectionMultiplexer? _redis;

    public async ValueTask DisposeAsync()
    {
        if (_redis is null)
        {
            return;
        }

        foreach (var server in _redis.GetServers())
        {
            await foreach (var key in server.KeysAsync(pattern: _keyPrefix + "*"))
            {
                await _redis.GetDatabase().KeyDeleteAsync(key);
            }
        }

        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task WriteSlice_stores_camel_case_json_in_the_users_profile_hash_and_lists_the_user()
    {
        var cache = CreateCache();
        var weights = new double[SendTimeSlice.HoursPerWeek];
        weights[33] = 1;

        await cache.WriteSliceAsync("17850", new SendTimeSlice(weights, 33, 4, DateTimeOffset.UnixEpoch), Token);

        var database = _redis!.GetDatabase();
        var json = await database.HashGetAsync(_keyPrefix + "profile:17850", "sendtime");
        using var document = JsonDocument.Parse(json.ToString());
        Assert.Equal(33, document.RootElement.GetProperty("bestHourOfWeek").GetInt32());
        Assert.True(await database.SetContainsAsync(_keyPrefix + "profiles:users", "17850"));
    }

    [Fact]
    public async Task The_interest_vector_is_stored_packed_and_a_slice_written_as_numbers_still_reads()
    {
        var cache = CreateCache();
        await cache.WriteSliceAsync("17850", new InterestsSlice("all-minilm-l6-v2", "1.0.0", [0.5f, -0.25f], 2, DateTimeOffset.UnixEpoch), Token);
        var database = _redis!.GetDatabase();

        var json = await database.HashGetAsync(_keyPrefix + "profile:17850", "interests");
        using (var document = JsonDocument.Parse(json.ToString()))
        {
            byte[] packed = [.. BitConverter.GetBytes(0.5f), .. BitConverter.GetBytes(-0.25f)];
            Assert.Equal(Convert.ToBase64String(packed), document.RootElement.GetProperty("vector").GetString());
        }

        await database.HashSetAsync(
            _keyPrefix + "profile:17850",
            "interests",
            """{"model":"all-minilm-l6-v2","modelVersion":"1.0.0","vector":[0.125,-1],"evidenceCount":3,"updatedAt":"2026-12-01T00:00:00+00:00"}""");
        var interests = (await cache.ReadAsync("17850", Token))?.Interests;
        Assert.NotNull(interests);
        Assert.Equal([0.125f, -1f], interests.Vector);
    }

    [Fact]
    public async Task The_send_time_weights_are_stored_packed_and_a_slice_written_as_numbers_still_reads()
    {
        var cache = CreateCache();
        var weights = Enumerable.Range(0, SendTimeSlice.HoursPerWeek).Select(hour => hour / 167.0).ToArray();
        await cache.WriteSliceAsync("17850", new SendTimeSlice(weights, 167, 4, DateTimeOffset.UnixEpoch, "Europe/London", 12.5), Token);
        var database = _redis!.GetDatabase();

        var json = await database.HashGetAsync(_keyPrefix + "profile:17850", "sendtime");
        using (var document = JsonDocument.Parse(json.ToString()))
        {
            var packed = Convert.FromBase64String(document.RootElement.GetProperty("hourOfWeekWeights").GetString()!);
            Assert.Equal(weights, Enumerable.Range(0, weights.Length).Select(hour => BitConverter.ToDouble(packed, hour * sizeof(double))));
        }

        Assert.Equal(weights, (await cache.ReadAsync("17850", Token))?.SendTime?.HourOfWeekWeights);
        await database.HashSetAsync(
            _keyPrefix + "profile:17850",
            "sendtime",
            """{"hourOfWeekWeights":[0.25,0.75],"bestHourOfWeek":1,"evidenceCount":3,"updatedAt":"2026-12-01T00:00:00+00:00"}""");
        var before = (await cache.ReadAsync("17850", Token))?.SendTime;
        Assert.NotNull(before);
        Assert.Equal<double>([0.25, 0.75], before.HourOfWeekWeights);
    }

    [Fact]
    public async Task Remove_deletes_the_hash_and_the_set_member()
    {
        var cache = CreateCache();
        await cache.WriteSliceAsync("17850", new ContactSlice(null, null, "United Kingdom", null, true, DateTimeOffset.UnixEpoch), Token);

        await cache.RemoveAsync("17850", Token);

        var database = _redis!.GetDatabase();
        Assert.False(await database.KeyExistsAsync(_keyPrefix + "profile:17850"));
        Assert.False(await database.SetContainsAsync(_keyPrefix + "profiles:users", "17850"));
    }

    protected override IProfileCache CreateCache()
    {
        _redis ??= ConnectionMultiplexer.Connect(TestInfrastructure.RequireRedis());
        return RedisCaches.Create(_redis, _keyPrefix, RedisCaches.Store());
    }
}
