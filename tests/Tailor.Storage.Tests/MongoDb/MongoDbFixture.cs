using MongoDB.Driver;
using Tailor.Testing;
using Testcontainers.MongoDb;

[assembly: AssemblyFixture(typeof(Tailor.Storage.Tests.MongoDb.MongoDbFixture))]

namespace Tailor.Storage.Tests.MongoDb;

/// <summary>
/// One MongoDB for the whole test run: the server at <c>MONGODB_URI</c> when set, else a Testcontainers one when a
/// Docker engine answers, else none, and every MongoDB test skips itself with the reason.
/// </summary>
public sealed class MongoDbFixture : IAsyncLifetime
{
    private const string Image = "mongo:8.0";

    private MongoDbContainer? _container;
    private MongoClient? _client;
    private string _unavailableReason = "MongoDB is not available.";

    public async ValueTask InitializeAsync()
    {
        var connectionString = TestInfrastructure.MongoDb;
        if (connectionString is null)
        {
            try
            {
                _container = new MongoDbBuilder(Image).Build();
                await _container.StartAsync();
                connectionString = _container.GetConnectionString();
            }
            catch (Exception exception)
            {
                // No Docker engine (the usual case on a developer machine without one) is a reason to skip, not a failure.
                var cause = exception.Message.Split('\n', 2)[0].Trim();
                _unavailableReason =
                    $"MongoDB is not available: set {TestInfrastructure.MongoDbVariable}, or run a Docker engine for Testcontainers ({cause})";
                return;
            }
        }

        _client = new MongoClient(connectionString);
    }

    /// <summary>A database of its own for one test class instance; skips the test when there is no MongoDB.</summary>
    public IMongoDatabase CreateDatabase()
    {
        if (_client is null)
        {
            Assert.Skip(_unavailableReason);
        }

        return _client.GetDatabase("tailor-test-" + Guid.NewGuid().ToString("N"));
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }
}
