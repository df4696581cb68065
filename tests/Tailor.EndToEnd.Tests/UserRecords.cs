using Microsoft.Data.Sqlite;
using Tailor.Storage.Sqlite;

namespace Tailor.EndToEnd.Tests;

/// <summary>
/// Every row of one service's SQLite store that names a user: an event filed under them or whose payload mentions
/// them, a document whose id is theirs or whose JSON mentions them. Read from the file itself rather than through the
/// stores' interfaces, so no collection or stream a service might add is missed.
/// </summary>
internal static class UserRecords
{
    /// <param name="mentions">What names the user inside JSON: their id as a JSON string, their address.</param>
    public static async Task<IReadOnlyList<string>> InAsync(SqliteDatabase store, string userId, IReadOnlyList<string> mentions, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store.FilePath, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await connection.OpenAsync(cancellationToken);

        await using (var events = connection.CreateCommand())
        {
            events.CommandText = "SELECT stream, type, user_id, payload FROM events";
            await using var rows = await events.ExecuteReaderAsync(cancellationToken);
            while (await rows.ReadAsync(cancellationToken))
            {
                var (stream, type, owner, payload) = (rows.GetString(0), rows.GetString(1), rows.IsDBNull(2) ? null : rows.GetString(2), rows.GetString(3));
                if (owner == userId || Mentions(payload, mentions))
                {
                    found.Add($"event {stream}/{type}");
                }
            }
        }

        await using (var documents = connection.CreateCommand())
        {
            documents.CommandText = "SELECT collection, id, json FROM documents";
            await using var rows = await documents.ExecuteReaderAsync(cancellationToken);
            while (await rows.ReadAsync(cancellationToken))
            {
                var (collection, id, json) = (rows.GetString(0), rows.GetString(1), rows.GetString(2));
                if (id == userId || id.EndsWith(" " + userId, StringComparison.Ordinal) || Mentions(json, mentions))
                {
                    found.Add($"document {collection}/{id}");
                }
            }
        }

        return found;
    }

    private static bool Mentions(string json, IReadOnlyList<string> mentions) =>
        mentions.Any(mention => json.Contains(mention, StringComparison.Ordinal));
}
