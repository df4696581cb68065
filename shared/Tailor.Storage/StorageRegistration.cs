using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MongoDB.Driver;
using Tailor.Storage.Diagnostics;
using Tailor.Storage.MongoDb;
using Tailor.Storage.Sqlite;

namespace Tailor.Storage;

public static class StorageRegistration
{
    /// <summary>The connection string that switches the stores from the embedded SQLite file to MongoDB.</summary>
    public const string MongoDbConnectionName = "mongodb";

    private static readonly string[] ReadyTags = ["ready"];

    /// <summary>
    /// Registers <see cref="IEventStore"/> and <see cref="IDocumentStore"/>: MongoDB when <c>ConnectionStrings:mongodb</c>
    /// is set (database <c>Tailor:MongoDb:Database</c>), otherwise one SQLite file at <c>Tailor:Sqlite:Path</c>.
    /// </summary>
    public static IHostApplicationBuilder AddTailorStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var mongoDb = builder.Configuration.GetConnectionString(MongoDbConnectionName);
        if (string.IsNullOrWhiteSpace(mongoDb))
        {
            AddSqlite(builder.Services);
        }
        else
        {
            AddMongoDb(builder.Services, mongoDb);
        }

        return builder;
    }

    private static void AddSqlite(IServiceCollection services)
    {
        services.AddOptions<SqliteStorageOptions>()
            .BindConfiguration(SqliteStorageOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(provider => new SqliteDatabase(provider.GetRequiredService<IOptions<SqliteStorageOptions>>().Value.Path));
        services.AddSingleton<SqliteEventStore>();
        services.AddSingleton<SqliteDocumentStore>();
        services.AddSingleton<IEventStore>(provider => new InstrumentedEventStore(provider.GetRequiredService<SqliteEventStore>(), "sqlite"));
        services.AddSingleton<IDocumentStore>(provider => new InstrumentedDocumentStore(provider.GetRequiredService<SqliteDocumentStore>(), "sqlite"));
        services.AddHealthChecks().AddCheck<SqliteStorageHealthCheck>("storage-sqlite", tags: ReadyTags);
    }

    private static void AddMongoDb(IServiceCollection services, string connectionString)
    {
        var settings = ParseMongoDbSettings(connectionString);
        services.AddOptions<MongoStorageOptions>()
            .BindConfiguration(MongoStorageOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // The client connects lazily and keeps its own pool: one per process.
        services.AddSingleton(provider =>
        {
            var client = new MongoClient(settings);
            var database = provider.GetRequiredService<IOptions<MongoStorageOptions>>().Value.Database;
            return new MongoStorageDatabase(client.GetDatabase(database));
        });
        services.AddSingleton<IEventStore>(provider =>
            new InstrumentedEventStore(new MongoEventStore(provider.GetRequiredService<MongoStorageDatabase>().Database), "mongodb"));
        services.AddSingleton<IDocumentStore>(provider =>
            new InstrumentedDocumentStore(new MongoDocumentStore(provider.GetRequiredService<MongoStorageDatabase>().Database), "mongodb"));
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            "storage-mongodb",
            provider => new MongoStorageHealthCheck(provider.GetRequiredService<MongoStorageDatabase>().Database),
            failureStatus: null,
            tags: ReadyTags));
    }

    /// <summary>
    /// Reads <c>ConnectionStrings:mongodb</c> when the process starts, not when a store is first used. The driver's
    /// message is not passed on, nor the value: both may hold the password.
    /// </summary>
    private static MongoClientSettings ParseMongoDbSettings(string connectionString)
    {
        static ArgumentException NotAConnectionString() => new(
            $"ConnectionStrings:{MongoDbConnectionName} is not a MongoDB connection string; give mongodb://[user:password@]host[:port][/?options] or mongodb+srv://...");

        MongoUrl url;
        try
        {
            // Reading the text alone: a mongodb+srv:// name is looked up below, and a failed lookup is another problem.
            url = MongoUrl.Create(connectionString);
        }
        catch (MongoConfigurationException)
        {
            throw NotAConnectionString();
        }

        try
        {
            return MongoClientSettings.FromUrl(url);
        }
        catch (MongoConfigurationException) when (url.Scheme == MongoDB.Driver.Core.Configuration.ConnectionStringScheme.MongoDBPlusSrv)
        {
            throw new ArgumentException(
                $"ConnectionStrings:{MongoDbConnectionName} names a mongodb+srv:// host whose DNS records could not be read; check the name and this machine's DNS.");
        }
        catch (MongoConfigurationException)
        {
            throw NotAConnectionString();
        }
    }
}
