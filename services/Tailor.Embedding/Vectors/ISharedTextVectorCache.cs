namespace Tailor.Embedding.Vectors;

/// <summary>
/// The content-hash cache every Embedding replica shares (Redis in distributed mode), behind each process's own: a
/// text embedded by one replica, or before a restart, is not embedded again.
/// </summary>
public interface ISharedTextVectorCache
{
    /// <returns>The vectors found, by content key; keys not cached are absent.</returns>
    Task<IReadOnlyDictionary<string, float[]>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken);

    Task SetManyAsync(IReadOnlyList<KeyValuePair<string, float[]>> vectors, CancellationToken cancellationToken);

    /// <summary>Removes the vectors of these content keys (an erased user's texts); keys not cached are skipped.</summary>
    Task RemoveManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken);
}
