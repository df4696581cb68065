using Tailor.Storage;
using Tailor.Storage.Sqlite;

namespace Tailor.Testing;

/// <summary>
/// One SQLite file opened by several <see cref="SqliteDatabase"/> objects, as the processes of a service's replicas
/// open the database they share: each has its own write gate, so only the store's conditional writes keep them apart.
/// The file (with its WAL files) is deleted on dispose.
/// </summary>
public sealed class SqliteReplicas : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "tailor-replica-tests", Guid.NewGuid().ToString("N"));
    private readonly SqliteDatabase[] _databases;

    public SqliteReplicas(int count = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        var path = Path.Combine(_directory, "tailor.db");
        _databases = [.. Enumerable.Range(0, count).Select(_ => new SqliteDatabase(path))];
        Documents = [.. _databases.Select(database => new SqliteDocumentStore(database))];
        Events = [.. _databases.Select(database => new SqliteEventStore(database))];
    }

    /// <summary>Each replica's document store, all on the one file.</summary>
    public IReadOnlyList<IDocumentStore> Documents { get; }

    /// <summary>Each replica's event store, all on the one file.</summary>
    public IReadOnlyList<IEventStore> Events { get; }

    public void Dispose()
    {
        foreach (var database in _databases)
        {
            database.Dispose();
        }

        Directory.Delete(_directory, recursive: true);
    }
}
