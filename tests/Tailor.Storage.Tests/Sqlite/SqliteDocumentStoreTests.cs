using Tailor.Storage.Sqlite;

namespace Tailor.Storage.Tests.Sqlite;

public sealed class SqliteDocumentStoreTests : DocumentStoreContractTests, IDisposable
{
    private readonly TemporarySqliteDatabase _file = new();

    public void Dispose() => _file.Dispose();

    protected override IDocumentStore CreateStore() => new SqliteDocumentStore(_file.Database);
}
