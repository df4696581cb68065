using Microsoft.Data.Sqlite;

namespace Tailor.Storage.Sqlite;

/// <summary>
/// One SQLite file shared by <see cref="SqliteEventStore"/> and <see cref="SqliteDocumentStore"/>: its connection
/// settings, its schema (created on first use) and the in-process write gate.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly string _connectionString;
    private readonly RetryableOnce _schema;

    // SQLite has one writer per file. Queuing this process's writers here, instead of letting dozens of consumers
    // collide on the file lock and back off inside SQLite, is what keeps appends fast under concurrency.
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    public SqliteDatabase(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FilePath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
        }.ToString();
        _schema = new RetryableOnce(CreateSchemaAsync);
    }

    public string FilePath { get; }

    /// <summary>Opens a pooled connection for reading; WAL lets readers run while a write is in progress.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _schema.RunAsync(cancellationToken);
        return await OpenConnectionAsync(cancellationToken);
    }

    /// <summary>Runs <paramref name="write"/> on a pooled connection while holding this process's write gate.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            return await write(connection, cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Closes the pooled connections to this file, so it can be moved or deleted.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        _writeGate.Dispose();
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);

            // Per-connection settings (a pooled connection keeps them, setting them again costs microseconds):
            // NORMAL is durable across process crashes in WAL mode and skips an fsync per commit; the busy timeout
            // makes SQLite wait for another process's lock (or a checkpoint) instead of failing at once.
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteSchema.Create;
        await command.ExecuteNonQueryAsync(cancellationToken);

        command.CommandText = SqliteSchema.HasVersion;
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            try
            {
                command.CommandText = SqliteSchema.AddVersion;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (SqliteException failure) when (failure.Message.Contains("duplicate column", StringComparison.OrdinalIgnoreCase))
            {
                // Another process sharing the file added it first.
            }
        }
    }
}
