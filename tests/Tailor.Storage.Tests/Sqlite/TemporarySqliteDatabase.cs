using Tailor.Storage.Sqlite;

namespace Tailor.Storage.Tests.Sqlite;

/// <summary>A database file of its own for one test, deleted (with its WAL files) afterwards.</summary>
internal sealed class TemporarySqliteDatabase : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tailor-storage-tests", Guid.NewGuid().ToString("N"));

    public TemporarySqliteDatabase() => Database = new SqliteDatabase(Path.Combine(_directory, "tailor.db"));

    public SqliteDatabase Database { get; }

    public void Dispose()
    {
        Database.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
