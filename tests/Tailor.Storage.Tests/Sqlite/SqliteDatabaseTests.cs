using Tailor.Storage.Sqlite;

namespace Tailor.Storage.Tests.Sqlite;

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly TemporarySqliteDatabase _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task OpenAsync_creates_the_schema_in_wal_mode()
    {
        await using var connection = await _file.Database.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();

        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));

        command.CommandText = "SELECT name FROM sqlite_master WHERE type IN ('table', 'index') AND name NOT LIKE 'sqlite_%' ORDER BY name";
        var names = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                names.Add(reader.GetString(0));
            }
        }

        Assert.Equal(["documents", "events", "events_by_stream_time", "events_by_user"], names);
    }

    [Fact]
    public async Task Two_databases_on_one_file_see_each_others_writes()
    {
        using var second = new SqliteDatabase(_file.Database.FilePath);
        var purchase = RetailSample.Purchases(1)[0];

        await new SqliteEventStore(_file.Database).RecordAsync(
            "ingestion", purchase.EventId, purchase.UserId, purchase.OccurredAt, purchase, TestContext.Current.CancellationToken);

        Assert.Equal(1, await new SqliteEventStore(second).CountAsync("ingestion", TestContext.Current.CancellationToken));
    }
}
