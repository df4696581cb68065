using Microsoft.Extensions.Diagnostics.HealthChecks;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Tailor.Storage.MongoDb;

/// <summary>Ready when the store's database answers a ping.</summary>
internal sealed class MongoStorageHealthCheck(IMongoDatabase database) : IHealthCheck
{
    private static readonly BsonDocumentCommand<BsonDocument> Ping = new(new BsonDocument("ping", 1));

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await database.RunCommandAsync(Ping, cancellationToken: cancellationToken);
        return HealthCheckResult.Healthy("MongoDB answers.");
    }
}
