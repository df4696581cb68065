using Tailor.Storage.Sqlite;

namespace Tailor.Storage.Tests.Sqlite;

public sealed class SqliteEventStoreTests : EventStoreContractTests, IDisposable
{
    private readonly TemporarySqliteDatabase _file = new();

    public void Dispose() => _file.Dispose();

    protected override IEventStore CreateStore() => new SqliteEventStore(_file.Database);
}
