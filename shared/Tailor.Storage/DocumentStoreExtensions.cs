using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Tailor.Storage;

public static class DocumentStoreExtensions
{
    public static Task PutAsync<TDocument>(
        this IDocumentStore store, string collection, string id, TDocument document, CancellationToken cancellationToken = default) =>
        store.UpsertAsync(collection, id, JsonSerializer.Serialize(document, StoreJson.Options), cancellationToken);

    public static async Task<TDocument?> FindAsync<TDocument>(
        this IDocumentStore store, string collection, string id, CancellationToken cancellationToken = default)
    {
        var json = await store.GetAsync(collection, id, cancellationToken);
        return json is null ? default : JsonSerializer.Deserialize<TDocument>(json, StoreJson.Options);
    }

    /// <summary>The documents of <paramref name="ids"/> that exist, in one read (<see cref="DocumentUpdates.FindManyVersionedAsync{TDocument}"/> without the versions).</summary>
    public static async Task<IReadOnlyDictionary<string, TDocument>> FindManyAsync<TDocument>(
        this IDocumentStore store, string collection, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
        where TDocument : class =>
        (await store.FindManyVersionedAsync<TDocument>(collection, ids, cancellationToken))
            .ToDictionary(entry => entry.Key, entry => entry.Value.Document, StringComparer.Ordinal);

    public static async IAsyncEnumerable<KeyValuePair<string, TDocument>> ListAsync<TDocument>(
        this IDocumentStore store, string collection, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var (id, json) in store.ListAsync(collection, cancellationToken))
        {
            var document = JsonSerializer.Deserialize<TDocument>(json, StoreJson.Options);
            if (document is not null)
            {
                yield return new KeyValuePair<string, TDocument>(id, document);
            }
        }
    }
}
