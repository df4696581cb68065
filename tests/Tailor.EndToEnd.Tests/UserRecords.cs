using Microsoft.Data.Sqlite;
using Tailor.Storage.Sqlite;

namespace Tailor.EndToEnd.Tests;

/// <summary>
/// Every row of one service's SQLite store that is a user's (<see cref="UserMarks"/>): an event filed under them or
/// whose payload mentions them, a document whose collection or id names them or whose JSON mentions them, and a row of
/// any other table with a value that does. Read from the file itself rather than through the stores' interfaces, so no
/// table, collection or stream a service might add is missed.
/// </summary>
internal static class UserRecords
{
    public static async Task<IReadOnlyList<string>> InAsync(SqliteDatabase store, UserMarks user, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        await using var connection = await OpenAsync(store, cancellationToken);
        foreach (var table in await TablesAsync(connection, cancellationToken))
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var rows = await select.ExecuteReaderAsync(cancellationToken);
            while (await rows.ReadAsync(cancellationToken))
            {
                if (Label(table, rows, user) is { } label)
                {
                    found.Add(label);
                }
            }
        }

        return found;
    }

    /// <summary>The ids of the events the store filed under the user (or the anonymous id linked to them).</summary>
    public static async Task<IReadOnlyList<string>> EventIdsAsync(SqliteDatabase store, string userId, string anonymousId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(store, cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT event_id FROM events WHERE user_id IN ($user, $anonymous)";
        select.Parameters.AddWithValue("$user", userId);
        select.Parameters.AddWithValue("$anonymous", anonymousId);
        await using var rows = await select.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (await rows.ReadAsync(cancellationToken))
        {
            ids.Add(rows.GetString(0));
        }

        return ids;
    }

    private static string? Label(string table, SqliteDataReader row, UserMarks user)
    {
        string? Text(string column) => row.IsDBNull(row.GetOrdinal(column)) ? null : row.GetString(row.GetOrdinal(column));
        switch (table)
        {
            case "events":
                return user.Owns(Text("user_id")) || user.NamedBy(Text("event_id")!) || user.MentionedIn(Text("payload")!)
                    ? $"event {Text("stream")}/{Text("type")}"
                    : null;
            case "documents":
                var (collection, id) = (Text("collection")!, Text("id")!);
                return user.NamedBy(collection) || user.NamedBy(id) || user.MentionedIn(Text("json")!)
                    ? $"document {collection}/{id}"
                    : null;
            default:
                // A table no adapter made when this was written: any value that is the user's counts.
                var values = Enumerable.Range(0, row.FieldCount).Where(column => !row.IsDBNull(column)).Select(column => Convert.ToString(row.GetValue(column))!);
                return values.Any(value => user.NamedBy(value) || user.MentionedIn(value)) ? $"row {table}" : null;
        }
    }

    private static async Task<IReadOnlyList<string>> TablesAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
        await using var rows = await select.ExecuteReaderAsync(cancellationToken);
        var tables = new List<string>();
        while (await rows.ReadAsync(cancellationToken))
        {
            tables.Add(rows.GetString(0));
        }

        return tables;
    }

    private static async Task<SqliteConnection> OpenAsync(SqliteDatabase store, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store.FilePath, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
