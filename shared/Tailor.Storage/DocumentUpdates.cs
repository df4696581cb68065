using System.Text.Json;

namespace Tailor.Storage;

/// <summary>
/// Read, change, write-if-unchanged: how a document that several replicas (or several consumers of one replica) may
/// change at once is updated, instead of an in-process lock that only holds within one process.
/// </summary>
public static class DocumentUpdates
{
    /// <summary>Attempts before giving up to the caller's retry; contention this long means the document is a hot spot.</summary>
    public const int MaxAttempts = 50;

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Applies <paramref name="change"/> to the stored document (null when there is none) and writes the result only if
    /// nobody wrote the document in between; otherwise reads it again and applies <paramref name="change"/> again, so
    /// <paramref name="change"/> must be a pure function of the document (and whatever it captures, set afresh on each
    /// call). Returning the document it was given (the same instance) or null writes nothing. It is called once, and
    /// again only after its write lost to another writer (<see cref="ChangeCalls"/> tells those calls apart).
    /// </summary>
    /// <returns>The document as stored afterwards with its version (null when none is).</returns>
    /// <exception cref="DocumentConflictException">Another writer won <see cref="MaxAttempts"/> times in a row.</exception>
    public static async Task<Versioned<TDocument>?> UpdateAsync<TDocument>(
        this IDocumentStore store, string collection, string id, Func<TDocument?, TDocument?> change, CancellationToken cancellationToken = default)
        where TDocument : class
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await store.GetVersionedAsync(collection, id, cancellationToken);
            var found = Read<TDocument>(stored);
            var current = found?.Document;
            var changed = change(current);
            if (changed is null || ReferenceEquals(changed, current))
            {
                return found;
            }

            var json = JsonSerializer.Serialize(changed, StoreJson.Options);
            var written = stored is null
                ? await store.TryInsertAsync(collection, id, json, cancellationToken)
                : await store.TryReplaceAsync(collection, id, json, stored.Version, cancellationToken);
            if (written)
            {
                return new Versioned<TDocument>(changed, stored is null ? 1 : stored.Version + 1);
            }

            if (attempt == MaxAttempts)
            {
                throw new DocumentConflictException(collection, id, attempt);
            }

            await Task.Delay(Backoff(attempt), cancellationToken);
        }
    }

    /// <summary>
    /// <see cref="UpdateAsync{TDocument}"/> for many documents of one collection at once (a batch's users): one read of
    /// them all (<see cref="IDocumentStore.GetManyVersionedAsync"/>), <paramref name="change"/> applied to each, and one
    /// <see cref="IDocumentStore.TryWriteManyAsync"/> of those that changed; the ones another writer got to first are then
    /// updated one by one by <see cref="UpdateAsync{TDocument}"/>, which reads them again and retries. So the result is
    /// what updating each id alone would give, at two round trips for the batch when nobody else writes. The same rules
    /// for <paramref name="change"/> hold (pure; called once for each id, and again only after that id's write lost to
    /// another writer; returning its input or null writes nothing); it is called for one id at a time, never
    /// concurrently.
    /// </summary>
    /// <param name="stored">
    /// Told each id's outcome as soon as it is known (written, or left as it was), before any later failure: a caller
    /// that must act on every write that landed learns of them even when the update of another id then fails. When the
    /// bulk write itself fails, SQLite has written none of it (one transaction); other adapters may have written some.
    /// </param>
    /// <returns>For each id, the document as stored afterwards with its version (null when none is).</returns>
    /// <exception cref="DocumentConflictException">Another writer won <see cref="MaxAttempts"/> times in a row on one of them.</exception>
    public static async Task<IReadOnlyDictionary<string, Versioned<TDocument>?>> UpdateManyAsync<TDocument>(
        this IDocumentStore store,
        string collection,
        IReadOnlyCollection<string> ids,
        Func<string, TDocument?, TDocument?> change,
        Action<string, Versioned<TDocument>?>? stored = null,
        CancellationToken cancellationToken = default)
        where TDocument : class
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(change);
        var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
        var results = new Dictionary<string, Versioned<TDocument>?>(StringComparer.Ordinal);
        if (distinct.Count == 0)
        {
            return results;
        }

        var found = await store.GetManyVersionedAsync(collection, distinct, cancellationToken);
        var writes = new List<ConditionalWrite>();
        var changes = new List<TDocument>();
        foreach (var id in distinct)
        {
            var before = found.GetValueOrDefault(id);
            var read = Read<TDocument>(before);
            var changed = change(id, read?.Document);
            if (changed is null || ReferenceEquals(changed, read?.Document))
            {
                results[id] = read;
                continue;
            }

            writes.Add(new ConditionalWrite(id, JsonSerializer.Serialize(changed, StoreJson.Options), before?.Version));
            changes.Add(changed);
        }

        var written = writes.Count == 0 ? [] : await store.TryWriteManyAsync(collection, writes, cancellationToken);
        var lost = new List<ConditionalWrite>();
        for (var index = 0; index < writes.Count; index++)
        {
            if (written[index])
            {
                results[writes[index].Id] = new Versioned<TDocument>(changes[index], (writes[index].ExpectedVersion ?? 0) + 1);
            }
            else
            {
                lost.Add(writes[index]);
            }
        }

        if (stored is not null)
        {
            foreach (var (id, result) in results)
            {
                stored(id, result);
            }
        }

        // A lost race: read that document again and apply the change to what the other writer stored.
        foreach (var write in lost)
        {
            var result = await store.UpdateAsync<TDocument>(collection, write.Id, current => change(write.Id, current), cancellationToken);
            results[write.Id] = result;
            stored?.Invoke(write.Id, result);
        }

        return results;
    }

    /// <summary>The document as stored now and its version (see <see cref="VersionedDocument"/>).</summary>
    public static async Task<Versioned<TDocument>?> FindVersionedAsync<TDocument>(
        this IDocumentStore store, string collection, string id, CancellationToken cancellationToken = default)
        where TDocument : class
    {
        ArgumentNullException.ThrowIfNull(store);
        return Read<TDocument>(await store.GetVersionedAsync(collection, id, cancellationToken));
    }

    /// <summary>The documents of <paramref name="ids"/> that exist, each with its version, in one read (<see cref="IDocumentStore.GetManyVersionedAsync"/>).</summary>
    public static async Task<IReadOnlyDictionary<string, Versioned<TDocument>>> FindManyVersionedAsync<TDocument>(
        this IDocumentStore store, string collection, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
        where TDocument : class
    {
        ArgumentNullException.ThrowIfNull(store);
        var found = new Dictionary<string, Versioned<TDocument>>(StringComparer.Ordinal);
        foreach (var (id, document) in await store.GetManyVersionedAsync(collection, ids, cancellationToken))
        {
            if (Read<TDocument>(document) is { } read)
            {
                found[id] = read;
            }
        }

        return found;
    }

    /// <summary>Stores the document only if the id is free: true for the one writer that stored it.</summary>
    public static Task<bool> TryAddAsync<TDocument>(
        this IDocumentStore store, string collection, string id, TDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.TryInsertAsync(collection, id, JsonSerializer.Serialize(document, StoreJson.Options), cancellationToken);
    }

    /// <summary>
    /// <see cref="TryAddAsync{TDocument}"/> for many documents of one collection in one bulk write
    /// (<see cref="IDocumentStore.TryWriteManyAsync"/>): each is stored only if its id is free, an id given twice is
    /// stored once.
    /// </summary>
    /// <returns>For each document, in order, true for the one writer that stored it.</returns>
    public static async Task<IReadOnlyList<bool>> TryAddManyAsync<TDocument>(
        this IDocumentStore store, string collection, IReadOnlyList<KeyValuePair<string, TDocument>> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(documents);
        return documents.Count == 0
            ? []
            : await store.TryWriteManyAsync(
                collection,
                [.. documents.Select(entry => new ConditionalWrite(entry.Key, JsonSerializer.Serialize(entry.Value, StoreJson.Options), ExpectedVersion: null))],
                cancellationToken);
    }

    private static Versioned<TDocument>? Read<TDocument>(VersionedDocument? stored)
        where TDocument : class =>
        stored is not null && JsonSerializer.Deserialize<TDocument>(stored.Json, StoreJson.Options) is { } document
            ? new Versioned<TDocument>(document, stored.Version)
            : null;

    /// <summary>
    /// For a caller that retries lost races in rounds of its own (it had to look something up between them): after its
    /// <paramref name="round"/>-th lost round on <paramref name="id"/>, the same pause <see cref="UpdateAsync{TDocument}"/>
    /// makes between attempts, and the same limit.
    /// </summary>
    /// <exception cref="DocumentConflictException">The <see cref="MaxAttempts"/>-th round was lost too.</exception>
    public static Task PauseBeforeNextRoundAsync(string collection, string id, int round, CancellationToken cancellationToken) =>
        round >= MaxAttempts
            ? Task.FromException(new DocumentConflictException(collection, id, round))
            : Task.Delay(Backoff(round), cancellationToken);

    // Random, growing, capped: writers that collided once must not collide again in lockstep.
    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Math.Min(MaxBackoff.TotalMilliseconds, 1 << Math.Min(attempt, 10)));
}
