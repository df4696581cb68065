using MongoDB.Driver;
using Tailor.Storage.MongoDb;

namespace Tailor.Storage.Tests.MongoDb;

public sealed class MongoDocumentStoreTests(MongoDbFixture mongo) : DocumentStoreContractTests, IAsyncDisposable
{
    private IMongoDatabase? _database;

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.Client.DropDatabaseAsync(_database.DatabaseNamespace.DatabaseName);
        }
    }

    protected override IDocumentStore CreateStore()
    {
        _database = mongo.CreateDatabase();
        return new MongoDocumentStore(_database);
    }
}
