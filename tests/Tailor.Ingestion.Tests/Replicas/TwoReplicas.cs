namespace Tailor.Ingestion.Tests.Replicas;

/// <summary>
/// Two replicas of Ingestion as a deployment runs them: two hosts, each with its own bus and its own
/// <see cref="Storage.Sqlite.SqliteDatabase"/> on one SQLite file (so only the store's version checks keep their writes
/// apart, as between two processes), one profile cache between them (the Redis they share), and clocks a second apart.
/// </summary>
internal sealed class TwoReplicas : IAsyncDisposable
{
    private TwoReplicas(IngestionApp first, IngestionApp second)
    {
        First = first;
        Second = second;
    }

    public IngestionApp First { get; }

    public IngestionApp Second { get; }

    /// <summary>The replica a load balancer sends the <paramref name="call"/>th call to, taking turns.</summary>
    public IngestionApp ForCall(int call) => call % 2 == 0 ? First : Second;

    public static async Task<TwoReplicas> StartAsync(IReadOnlyDictionary<string, string?>? configure = null)
    {
        var first = await IngestionApp.StartAsync(configure: configure);
        var second = await IngestionApp.StartAsync(configure: configure, replicaOf: first, now: IngestionApp.Now.AddSeconds(1));
        return new TwoReplicas(first, second);
    }

    /// <summary>What either replica published.</summary>
    public IReadOnlyList<T> Published<T>()
        where T : class =>
        [.. First.Published<T>(), .. Second.Published<T>()];

    public async ValueTask DisposeAsync()
    {
        // The first owns the file.
        await Second.DisposeAsync();
        await First.DisposeAsync();
    }
}
