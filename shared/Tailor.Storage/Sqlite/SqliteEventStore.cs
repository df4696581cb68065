using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Tailor.Storage.Sqlite;

/// <summary>The embedded event store: table <c>events</c> of a <see cref="SqliteDatabase"/>.</summary>
public sealed class SqliteEventStore(SqliteDatabase database) : IEventStore
{
    private const string SelectColumns = "SELECT event_id, stream, type, user_id, occurred_at, payload FROM events";

    public async Task<bool> AppendAsync(StoredEvent storedEvent, CancellationToken cancellationToken = default) =>
        (await AppendManyAsync([storedEvent], cancellationToken))[0];

    /// <summary>All in one transaction: one commit for the batch instead of one per event.</summary>
    public Task<IReadOnlyList<bool>> AppendManyAsync(IReadOnlyList<StoredEvent> storedEvents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storedEvents);
        foreach (var storedEvent in storedEvents)
        {
            EventQueryRules.Validate(storedEvent);
        }

        return database.WriteAsync<IReadOnlyList<bool>>(
            async (connection, token) =>
            {
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(token);
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO events (stream, event_id, type, user_id, occurred_at, payload)
                    VALUES ($stream, $eventId, $type, $userId, $occurredAt, $payload)
                    ON CONFLICT (stream, event_id) DO NOTHING
                    """;
                var isNew = new bool[storedEvents.Count];
                for (var index = 0; index < storedEvents.Count; index++)
                {
                    var storedEvent = storedEvents[index];
                    command.Parameters.Clear();
                    command.Parameters.AddWithValue("$stream", storedEvent.Stream);
                    command.Parameters.AddWithValue("$eventId", FormatEventId(storedEvent.EventId));
                    command.Parameters.AddWithValue("$type", storedEvent.Type);
                    command.Parameters.AddWithValue("$userId", (object?)storedEvent.UserId ?? DBNull.Value);
                    command.Parameters.AddWithValue("$occurredAt", storedEvent.OccurredAt.UtcTicks);
                    command.Parameters.AddWithValue("$payload", storedEvent.Payload);
                    isNew[index] = await command.ExecuteNonQueryAsync(token) == 1;
                }

                await transaction.CommitAsync(token);
                return isNew;
            },
            cancellationToken);
    }

    public async IAsyncEnumerable<StoredEvent> ReadAsync(
        EventQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        EventQueryRules.Validate(query);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        Describe(command, query);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new StoredEvent(
                Guid.Parse(reader.GetString(0)),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero),
                reader.GetString(5));
        }
    }

    public async Task<bool> ContainsAsync(string stream, Guid eventId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM events WHERE stream = $stream AND event_id = $eventId)";
        command.Parameters.AddWithValue("$stream", stream);
        command.Parameters.AddWithValue("$eventId", FormatEventId(eventId));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 1;
    }

    public async Task<IReadOnlySet<Guid>> ContainsManyAsync(string stream, IReadOnlyCollection<Guid> eventIds, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        ArgumentNullException.ThrowIfNull(eventIds);
        var held = new HashSet<Guid>();
        if (eventIds.Count == 0)
        {
            return held;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Chunks well under SQLite's limit on bound parameters (32,766 since 3.32).
        foreach (var chunk in eventIds.Distinct().Chunk(500))
        {
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$stream", stream);
            var names = new string[chunk.Length];
            for (var index = 0; index < chunk.Length; index++)
            {
                names[index] = "$e" + index.ToString(CultureInfo.InvariantCulture);
                command.Parameters.AddWithValue(names[index], FormatEventId(chunk[index]));
            }

            command.CommandText = $"SELECT event_id FROM events WHERE stream = $stream AND event_id IN ({string.Join(',', names)})";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                held.Add(Guid.Parse(reader.GetString(0)));
            }
        }

        return held;
    }

    public async Task<long> CountAsync(string stream, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM events WHERE stream = $stream";
        command.Parameters.AddWithValue("$stream", stream);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public Task<long> DeleteUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return database.WriteAsync(
            async (connection, token) =>
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "DELETE FROM events WHERE user_id = $userId";
                command.Parameters.AddWithValue("$userId", userId);
                return (long)await command.ExecuteNonQueryAsync(token);
            },
            cancellationToken);
    }

    // Lower-case "D" text sorts like the bytes MongoDB compares for a standard UUID, so ties order alike in both stores.
    private static string FormatEventId(Guid eventId) => eventId.ToString("D");

    private static void Describe(SqliteCommand command, EventQuery query)
    {
        var sql = new StringBuilder(SelectColumns).Append(" WHERE stream = $stream");
        command.Parameters.AddWithValue("$stream", query.Stream);
        if (query.UserId is not null)
        {
            sql.Append(" AND user_id = $userId");
            command.Parameters.AddWithValue("$userId", query.UserId);
        }

        if (query.Type is not null)
        {
            sql.Append(" AND type = $type");
            command.Parameters.AddWithValue("$type", query.Type);
        }

        if (query.Since is { } since)
        {
            sql.Append(" AND occurred_at >= $since");
            command.Parameters.AddWithValue("$since", since.UtcTicks);
        }

        sql.Append(" ORDER BY occurred_at, event_id");
        if (query.Limit is { } limit)
        {
            sql.Append(" LIMIT $limit");
            command.Parameters.AddWithValue("$limit", limit);
        }

        command.CommandText = sql.ToString();
    }
}
