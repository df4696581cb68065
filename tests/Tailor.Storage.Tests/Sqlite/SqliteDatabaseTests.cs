using Microsoft.Data.Sqlite;
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

        await new SqliteEventStore(_file.Database).RecordAsync("ingestion", purchase, TestContext.Current.CancellationToken);

        Assert.Equal(1, await new SqliteEventStore(second).CountAsync("ingestion", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Two_databases_on_one_file_updating_one_document_lose_no_increment()
    {
        // Each SqliteDatabase has its own write gate, as two processes would: only the version check keeps them apart.
        using var second = new SqliteDatabase(_file.Database.FilePath);
        IDocumentStore[] stores = [new SqliteDocumentStore(_file.Database), new SqliteDocumentStore(second)];

        await Task.WhenAll(Enumerable.Range(0, 6).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 30; i++)
            {
                await stores[writer % 2].UpdateAsync<Tally>("sendtime.users", "u1", tally => new Tally((tally?.Count ?? 0) + 1), TestContext.Current.CancellationToken);
            }
        }, TestContext.Current.CancellationToken)));

        Assert.Equal(180, (await stores[1].FindAsync<Tally>("sendtime.users", "u1", TestContext.Current.CancellationToken))!.Count);
    }

    [Fact]
    public async Task A_file_from_before_versions_gets_the_column_and_its_documents_start_at_version_1()
    {
        var path = Path.Combine(Path.GetDirectoryName(_file.Database.FilePath)!, "before-versions.db");
        await using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await old.OpenAsync(TestContext.Current.CancellationToken);
            await using var create = old.CreateCommand();
            create.CommandText = """
                CREATE TABLE documents (collection TEXT NOT NULL, id TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (collection, id));
                INSERT INTO documents VALUES ('ingestion.catalog', '85123A', '{"title":"Heart holder"}');
                """;
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        using var upgraded = new SqliteDatabase(path);
        var store = new SqliteDocumentStore(upgraded);

        Assert.Equal(new VersionedDocument("""{"title":"Heart holder"}""", 1), await store.GetVersionedAsync("ingestion.catalog", "85123A", TestContext.Current.CancellationToken));
        Assert.True(await store.TryReplaceAsync("ingestion.catalog", "85123A", "{}", 1, TestContext.Current.CancellationToken));
    }

    private sealed record Tally(int Count);
}
