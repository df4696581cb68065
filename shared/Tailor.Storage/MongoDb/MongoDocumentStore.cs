using System.Runtime.CompilerServices;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Tailor.Storage.MongoDb;

/// <summary>The distributed document store: collection <c>documents</c>, indexes created on first use.</summary>
public sealed class MongoDocumentStore : IDocumentStore
{
    // An upsert that matches on the whole _id is retried by the server when two writers race to insert it.
    private static readonly UpdateOptions Upsert = new() { IsUpsert = true };

    private readonly IMongoCollection<BsonDocument> _documents;
    private readonly RetryableOnce _indexes;

    public MongoDocumentStore(IMongoDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _documents = database.GetCollection<BsonDocument>(MongoDocumentMapping.CollectionName);
        _indexes = new RetryableOnce(token => _documents.Indexes.CreateManyAsync(MongoDocumentDefinitions.Indexes, token));
    }

    public async Task UpsertAsync(string collection, string id, string json, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(collection);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(json);
        await _indexes.RunAsync(cancellationToken);
        await _documents.UpdateOneAsync(
            MongoDocumentDefinitions.One(collection, id), MongoDocumentDefinitions.Overwrite(json), Upsert, cancellationToken);
    }

    /// <summary>Every document its own upsert, all in flight at once; an id given twice ends with its last document, as in order.</summary>
    public async Task UpsertManyAsync(string collection, IReadOnlyList<KeyValuePair<string, string>> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var lastById = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, json) in documents)
        {
            lastById[id] = json;
        }

        await Task.WhenAll(lastById.Select(document => UpsertAsync(collection, document.Key, document.Value, cancellationToken)));
    }

    public async Task<string?> GetAsync(string collection, string id, CancellationToken cancellationToken = default) =>
        (await GetVersionedAsync(collection, id, cancellationToken))?.Json;

    public async Task<VersionedDocument?> GetVersionedAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(collection);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        await _indexes.RunAsync(cancellationToken);
        var document = await _documents.Find(MongoDocumentDefinitions.One(collection, id)).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : MongoDocumentMapping.ToVersionedDocument(document);
    }

    public async Task<IReadOnlyDictionary<string, VersionedDocument>> GetManyVersionedAsync(
        string collection, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(collection);
        ArgumentNullException.ThrowIfNull(ids);
        var found = new Dictionary<string, VersionedDocument>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return found;
        }

        foreach (var id in ids)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(id, nameof(ids));
        }

        await _indexes.RunAsync(cancellationToken);
        using var cursor = await _documents.Find(MongoDocumentDefinitions.Many(collection, ids)).ToCursorAsync(cancellationToken);
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            foreach (var document in cursor.Current)
            {
                found[MongoDocumentMapping.FromBsonDocument(document).Key] = MongoDocumentMapping.ToVersionedDocument(document);
            }
        }

        return found;
    }

    public async Task<bool> TryInsertAsync(string collection, string id, string json, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(collection);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(json);
        await _indexes.RunAsync(cancellationToken);
        try
        {
            await _documents.InsertOneAsync(MongoDocumentMapping.ToBsonDocument(collection, id, json), cancellationToken: cancellationToken);
            return true;
        }
        catch (MongoWriteException failure) when (failure.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            return false;
        }
    }

    // The version is part of the filter, so the server checks it and writes in one atomic step on one document.
    public async Task<bool> TryReplaceAsync(string collection, string id, string json, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(collection);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(json);
        await _indexes.RunAsync(cancellationToken);
        var result = await _documents.ReplaceOneAsync(
            MongoDocumentDefinitions.OneAt(collection, id, expectedVersion),
            MongoDocumentMapping.ToBsonDocument(collection, id, json, expectedVersion + 1),
            cancellationToken: cancellationToken);
        return result.MatchedCount == 1;
    }

    /// <summary>
    /// Sent concurrently, one conditional write each: a bulk write reports how many matched, not which, and a batch
    /// needs to know which of its users lost a race. The driver pipelines them over its pooled connections.
    /// </summary>
    public async Task<IReadOnlyList<bool>> TryWriteManyAsync(
        string collection, IReadOnlyList<ConditionalWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        return await Task.WhenAll(writes.Select(write => write.ExpectedVersion is { } version
            ? TryReplaceAsync(collection, write.Id, write.Json, version, cancellationToken)
            : TryInsertAsync(collection, write.Id, write.Json, cancellationToken)));
    }

    public async IAsyncEnumerable<KeyValuePair<string, string>> ListAsync(
        string collection, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(collection);
        await _indexes.RunAsync(cancellationToken);
        using var cursor = await _documents
            .Find(MongoDocumentDefinitions.InCollection(collection))
            .Sort(MongoDocumentDefinitions.ById)
            .ToCursorAsync(cancellationToken);
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            foreach (var document in cursor.Current)
            {
                yield return MongoDocumentMapping.FromBsonDocument(document);
            }
        }
    }

    public async Task<bool> DeleteAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(collection);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        await _indexes.RunAsync(cancellationToken);
        var result = await _documents.DeleteOneAsync(MongoDocumentDefinitions.One(collection, id), cancellationToken);
        return result.DeletedCount == 1;
    }
}
