using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Tailor.Storage.Sqlite;

/// <summary>The embedded document store: table <c>documents</c> of a <see cref="SqliteDatabase"/>.</summary>
public sealed class SqliteDocumentStore(SqliteDatabase database) : IDocumentStore
{
    private const string InsertIfFree = """
        INSERT INTO documents (collection, id, json, version) VALUES ($collection, $id, $json, 1)
        ON CONFLICT (collection, id) DO NOTHING
        """;

    // The version check and the write are one statement, so no other writer (thread or process) comes in between.
    private const string ReplaceIfAt = """
        UPDATE documents SET json = $json, version = version + 1
        WHERE collection = $collection AND id = $id AND version = $version
        """;

    public Task UpsertAsync(string collection, string id, string json, CancellationToken cancellationToken = default) =>
        UpsertManyAsync(collection, [new KeyValuePair<string, string>(id, json)], cancellationToken);

    /// <summary>All in one transaction: one commit for the batch instead of one per document.</summary>
    public Task UpsertManyAsync(string collection, IReadOnlyList<KeyValuePair<string, string>> documents, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(collection);
        ArgumentNullException.ThrowIfNull(documents);
        foreach (var (id, json) in documents)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(id);
            ArgumentNullException.ThrowIfNull(json);
        }

        return database.WriteAsync(
            async (connection, token) =>
            {
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(token);
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO documents (collection, id, json, version) VALUES ($collection, $id, $json, 1)
                    ON CONFLICT (collection, id) DO UPDATE SET json = excluded.json, version = documents.version + 1
                    """;
                foreach (var (id, json) in documents)
                {
                    command.Parameters.Clear();
                    command.Parameters.AddWithValue("$collection", collection);
                    command.Parameters.AddWithValue("$id", id);
                    command.Parameters.AddWithValue("$json", json);
                    await command.ExecuteNonQueryAsync(token);
                }

                await transaction.CommitAsync(token);
                return documents.Count;
            },
            cancellationToken);
    }

    public async Task<string?> GetAsync(string collection, string id, CancellationToken cancellationToken = default) =>
        (await GetVersionedAsync(collection, id, cancellationToken))?.Json;

    public async Task<VersionedDocument?> GetVersionedAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(collection);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT json, version FROM documents WHERE collection = $collection AND id = $id";
        command.Parameters.AddWithValue("$collection", collection);
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new VersionedDocument(reader.GetString(0), reader.GetInt64(1)) : null;
    }

    /// <summary>One query per 500 ids, well under SQLite's limit on bound parameters (32,766 since 3.32).</summary>
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

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$collection", collection);
            var names = new string[chunk.Length];
            for (var index = 0; index < chunk.Length; index++)
            {
                ArgumentException.ThrowIfNullOrWhiteSpace(chunk[index], nameof(ids));
                names[index] = "$i" + index.ToString(CultureInfo.InvariantCulture);
                command.Parameters.AddWithValue(names[index], chunk[index]);
            }

            command.CommandText = $"SELECT id, json, version FROM documents WHERE collection = $collection AND id IN ({string.Join(',', names)})";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found[reader.GetString(0)] = new VersionedDocument(reader.GetString(1), reader.GetInt64(2));
            }
        }

        return found;
    }

    public async Task<bool> TryInsertAsync(string collection, string id, string json, CancellationToken cancellationToken = default) =>
        (await TryWriteManyAsync(collection, [new ConditionalWrite(id, json, ExpectedVersion: null)], cancellationToken))[0];

    public async Task<bool> TryReplaceAsync(string collection, string id, string json, long expectedVersion, CancellationToken cancellationToken = default) =>
        (await TryWriteManyAsync(collection, [new ConditionalWrite(id, json, expectedVersion)], cancellationToken))[0];

    /// <summary>
    /// All in one transaction: one commit for a batch's user updates instead of one each. Each statement still checks
    /// its own version, so a write another writer got ahead of is refused while the others commit.
    /// </summary>
    public Task<IReadOnlyList<bool>> TryWriteManyAsync(
        string collection, IReadOnlyList<ConditionalWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(collection);
        ArgumentNullException.ThrowIfNull(writes);
        foreach (var write in writes)
        {
            ArgumentNullException.ThrowIfNull(write, nameof(writes));
            ArgumentException.ThrowIfNullOrWhiteSpace(write.Id, nameof(writes));
            ArgumentNullException.ThrowIfNull(write.Json, nameof(writes));
        }

        return database.WriteAsync<IReadOnlyList<bool>>(
            async (connection, token) =>
            {
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(token);
                await using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = InsertIfFree;
                await using var replace = connection.CreateCommand();
                replace.Transaction = transaction;
                replace.CommandText = ReplaceIfAt;
                var written = new bool[writes.Count];
                for (var index = 0; index < writes.Count; index++)
                {
                    var write = writes[index];
                    var command = write.ExpectedVersion is null ? insert : replace;
                    command.Parameters.Clear();
                    command.Parameters.AddWithValue("$collection", collection);
                    command.Parameters.AddWithValue("$id", write.Id);
                    command.Parameters.AddWithValue("$json", write.Json);
                    if (write.ExpectedVersion is { } version)
                    {
                        command.Parameters.AddWithValue("$version", version);
                    }

                    written[index] = await command.ExecuteNonQueryAsync(token) == 1;
                }

                await transaction.CommitAsync(token);
                return written;
            },
            cancellationToken);
    }

    public async IAsyncEnumerable<KeyValuePair<string, string>> ListAsync(
        string collection, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(collection);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, json FROM documents WHERE collection = $collection ORDER BY id";
        command.Parameters.AddWithValue("$collection", collection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new KeyValuePair<string, string>(reader.GetString(0), reader.GetString(1));
        }
    }

    public async Task<bool> DeleteAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(collection);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var deleted = await database.WriteAsync(
            async (connection, token) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "DELETE FROM documents WHERE collection = $collection AND id = $id";
                command.Parameters.AddWithValue("$collection", collection);
                command.Parameters.AddWithValue("$id", id);
                return await command.ExecuteNonQueryAsync(token);
            },
            cancellationToken);
        return deleted == 1;
    }
}
