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
                    INSERT INTO documents (collection, id, json) VALUES ($collection, $id, $json)
                    ON CONFLICT (collection, id) DO UPDATE SET json = excluded.json
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

    public async Task<string?> GetAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(collection);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM documents WHERE collection = $collection AND id = $id";
        command.Parameters.AddWithValue("$collection", collection);
        command.Parameters.AddWithValue("$id", id);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
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
