using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tailor.Storage.Sqlite;

/// <summary>Ready when the database file opens and its schema answers a query.</summary>
internal sealed class SqliteStorageHealthCheck(SqliteDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM events LIMIT 1";
        await command.ExecuteScalarAsync(cancellationToken);
        return HealthCheckResult.Healthy("SQLite store is open.");
    }
}
