using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Tailor.Storage.Sqlite;

/// <summary>The embedded document store: table <c>documents</c> of a <see cref="SqliteDatabase"/>.</summary>
public sealed class SqliteDocumentStore(SqliteDatabase database) : IDocumentStore
{
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

    public Task<bool> TryInsertAsync(string collection, string id, string json, CancellationToken cancellationToken = default) =>
        WriteOneAsync(
            """
            INSERT INTO documents (collection, id, json, version) VALUES ($collection, $id, $json, 1)
            ON CONFLICT (collection, id) DO NOTHING
            """,
            collection,
            id,
            json,
            expectedVersion: null,
            cancellationToken);

    // The version check and the write are one statement, so no other writer (thread or process) comes in between.
    public Task<bool> TryReplaceAsync(string collection, string id, string json, long expectedVersion, CancellationToken cancellationToken = default) =>
        WriteOneAsync(
            """
            UPDATE documents SET json = $json, version = version + 1
            WHERE collection = $collection AND id = $id AND version = $version
            """,
            collection,
            id,
            json,
            expectedVersion,
            cancellationToken);

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

    private async Task<bool> WriteOneAsync(
        string sql, string collection, string id, string json, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(collection);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(json);
        var written = await database.WriteAsync(
            async (connection, token) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.Parameters.AddWithValue("$collection", collection);
                command.Parameters.AddWithValue("$id", id);
                command.Parameters.AddWithValue("$json", json);
                if (expectedVersion is { } version)
                {
                    command.Parameters.AddWithValue("$version", version);
                }

                return await command.ExecuteNonQueryAsync(token);
            },
            cancellationToken);
        return written == 1;
    }
}
