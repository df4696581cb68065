using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Tailor.Profiles.Redis;

namespace Tailor.Profiles.Rebuild;

/// <summary>
/// Markers in Redis beside the profiles: <c>{prefix}profiles:{slice}:complete</c>, holding the <c>run_id</c> of the Redis
/// server that was written to, and the claim <c>{prefix}profiles:{slice}:rebuilding</c>, renewed while its holder runs
/// and expiring if it dies. The slice name is a hash tag, so both keys of a slice live on one Redis Cluster node and
/// can be changed in one transaction.
/// </summary>
/// <remarks>
/// A marker of another server (a restart from a snapshot, a failover to a replica) counts as missing: such a server
/// may lack the last writes before it took over, which the rebuild writes again.
/// </remarks>
internal sealed class RedisCacheMarkers(IConnectionMultiplexer redis, IOptions<RedisProfileOptions> options) : IProfileCacheMarkers
{
    private readonly string _keyPrefix = options.Value.KeyPrefix;
    private readonly TimeSpan _lease = options.Value.RebuildLease;

    public async Task<bool> IsCompleteAsync(string sliceName, CancellationToken cancellationToken)
    {
        var key = CompleteKey(sliceName);
        var marker = await redis.GetDatabase().StringGetAsync(key);
        return marker.HasValue && marker == await RunIdAsync(key);
    }

    public async Task<IRebuildClaim?> TryClaimRebuildAsync(string sliceName, CancellationToken cancellationToken)
    {
        var claimKey = ClaimKey(sliceName);
        var database = redis.GetDatabase();
        // The server the rebuild writes to: if another takes over meanwhile (a failover keeps the claim key), the
        // marker is not written, since the new server may lack the rebuild's last writes.
        var runId = await RunIdAsync(CompleteKey(sliceName));
        var token = $"{Guid.NewGuid():N}:{runId}";
        if (!await database.LockTakeAsync(claimKey, token, _lease))
        {
            // A claim taken on an earlier run of the server (it restarted, or a replica took over, with a rebuild under
            // way) can never be completed: its marker would name the old run. Its holder could not give it up while the
            // server was away, and it would block every rebuild for the rest of its lease, so it is taken over.
            var held = await database.StringGetAsync(claimKey);
            if (!held.HasValue || ((string)held!).EndsWith($":{runId}", StringComparison.Ordinal)
                || !await database.LockReleaseAsync(claimKey, held)
                || !await database.LockTakeAsync(claimKey, token, _lease))
            {
                return null;
            }
        }

        return new Claim(this, database, claimKey, CompleteKey(sliceName), token, runId);
    }

    private RedisKey CompleteKey(string sliceName) => $"{_keyPrefix}profiles:{{{sliceName}}}:complete";

    private RedisKey ClaimKey(string sliceName) => $"{_keyPrefix}profiles:{{{sliceName}}}:rebuilding";

    // The id Redis draws at each start: it changes with a restart and differs between a primary and its replicas.
    // Read through a script, which runs on the node holding the key (Redis Cluster) and needs no admin connection.
    private async Task<string> RunIdAsync(RedisKey key)
    {
        var info = (string?)await redis.GetDatabase().ScriptEvaluateAsync("return redis.call('INFO', 'server')", [key]) ?? string.Empty;
        return info.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.StartsWith("run_id:", StringComparison.Ordinal))?["run_id:".Length..]
            ?? throw new InvalidOperationException("Redis did not say its run_id (INFO server).");
    }

    private sealed class Claim : IRebuildClaim
    {
        private readonly RedisCacheMarkers _markers;
        private readonly IDatabase _database;
        private readonly RedisKey _claimKey;
        private readonly RedisKey _completeKey;
        private readonly string _token;
        private readonly string _runId;
        private readonly CancellationTokenSource _stopRenewing = new();
        private readonly Task _renewing;

        public Claim(RedisCacheMarkers markers, IDatabase database, RedisKey claimKey, RedisKey completeKey, string token, string runId)
        {
            (_markers, _database, _claimKey, _completeKey, _token, _runId) = (markers, database, claimKey, completeKey, token, runId);
            _renewing = RenewAsync(_stopRenewing.Token);
        }

        public async Task<bool> MarkCompleteAsync(CancellationToken cancellationToken)
        {
            if (await _markers.RunIdAsync(_completeKey) != _runId)
            {
                return false;
            }

            var transaction = _database.CreateTransaction();
            transaction.AddCondition(Condition.StringEqual(_claimKey, _token));
            _ = transaction.StringSetAsync(_completeKey, _runId);
            return await transaction.ExecuteAsync();
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await _stopRenewing.CancelAsync();
                await _renewing; // never faults: the loop catches everything but its own cancellation

                // Only our own claim is given up: after a lease ran out, the key may be another replica's.
                await _database.LockReleaseAsync(_claimKey, _token);
            }
            catch (Exception exception) when (RedisOutage.IsOutage(exception))
            {
                // Redis is away: the claim expires on its own.
            }
            finally
            {
                _stopRenewing.Dispose();
            }
        }

        // A rebuild longer than the lease must not let another replica start one beside it.
        private async Task RenewAsync(CancellationToken cancellationToken)
        {
            using var timer = new PeriodicTimer(_markers._lease / 3);
            try
            {
                while (await timer.WaitForNextTickAsync(cancellationToken))
                {
                    try
                    {
                        await _database.LockExtendAsync(_claimKey, _token, _markers._lease);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        // A timeout or a failover: tried again at the next tick. A claim that lapsed meanwhile makes
                        // MarkCompleteAsync say so, and the rebuild runs again.
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The rebuild ended.
            }
        }
    }
}
