namespace Tailor.Host.Hosting;

/// <summary>
/// The settings one service gets when the distributed mode runs in one process (the end-to-end tests, the load
/// benchmark): its own target and SQLite file, the shared RabbitMQ and Redis, and a Redis key prefix of the run's own
/// so runs on one Redis never read each other's profiles.
/// </summary>
public static class ServiceHostArguments
{
    /// <param name="mongoDb">A MongoDB connection string for the service's store (a database per run and service), or null for SQLite.</param>
    public static string[] For(string target, string rabbitMq, string redis, string? mongoDb, DirectoryInfo state, string run) =>
    [
        $"--{ServiceTargets.ConfigurationKey}={target}",
        "--urls=http://127.0.0.1:0",
        $"--ConnectionStrings:rabbitmq={rabbitMq}",
        $"--ConnectionStrings:redis={redis}",
        $"--ConnectionStrings:mongodb={mongoDb ?? string.Empty}",
        $"--Tailor:MongoDb:Database=tailor-{run}-{target}",
        $"--Tailor:Sqlite:Path={Path.Combine(state.FullName, $"{target}.db")}",
        $"--Tailor:Redis:KeyPrefix={KeyPrefix(run)}",
        "--Logging:LogLevel:Default=Warning",
    ];

    public static string KeyPrefix(string run) => $"{run}:";
}
