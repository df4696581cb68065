using MongoDB.Driver;
using Tailor.Storage.MongoDb;

namespace Tailor.Storage.Tests.MongoDb;

public sealed class MongoEventStoreTests(MongoDbFixture mongo) : EventStoreContractTests, IAsyncDisposable
{
    private IMongoDatabase? _database;

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.Client.DropDatabaseAsync(_database.DatabaseNamespace.DatabaseName);
        }
    }

    protected override IEventStore CreateStore()
    {
        _database = mongo.CreateDatabase();
        return new MongoEventStore(_database);
    }
}
