namespace Tailor.Embedding.Vectors;

/// <summary>Embedded mode: one process, so its in-memory cache is the only one and nothing is shared.</summary>
public sealed class ProcessOnlyTextVectorCache : ISharedTextVectorCache
{
    private static readonly IReadOnlyDictionary<string, float[]> Nothing = new Dictionary<string, float[]>();

    public Task<IReadOnlyDictionary<string, float[]>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        Task.FromResult(Nothing);

    public Task SetManyAsync(IReadOnlyList<KeyValuePair<string, float[]>> vectors, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public Task RemoveManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
