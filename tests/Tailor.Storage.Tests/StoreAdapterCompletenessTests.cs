using Tailor.Storage.Diagnostics;
using Tailor.Storage.MongoDb;
using Tailor.Storage.Sqlite;

namespace Tailor.Storage.Tests;

/// <summary>
/// The store interfaces give their bulk calls a default body that works one document or event at a time, for adapters
/// that cannot do better. Tailor's adapters, and the tracing wrapper every service's store is registered behind, must
/// each implement every call themselves: a wrapper that leaves one to the default silently turns a batch consumer's one
/// query and one transaction back into one per user.
/// </summary>
public sealed class StoreAdapterCompletenessTests
{
    public static TheoryData<Type, Type> Adapters() => new()
    {
        { typeof(IDocumentStore), typeof(InstrumentedDocumentStore) },
        { typeof(IDocumentStore), typeof(SqliteDocumentStore) },
        { typeof(IDocumentStore), typeof(MongoDocumentStore) },
        { typeof(IEventStore), typeof(InstrumentedEventStore) },
        { typeof(IEventStore), typeof(SqliteEventStore) },
        { typeof(IEventStore), typeof(MongoEventStore) },
    };

    [Theory]
    [MemberData(nameof(Adapters))]
    public void Every_call_of_the_interface_is_implemented_by_the_adapter_itself(Type storeInterface, Type adapter)
    {
        var map = adapter.GetInterfaceMap(storeInterface);

        var leftToDefault = map.TargetMethods.Where(method => method.DeclaringType != adapter).Select(method => method.Name).ToList();

        Assert.Empty(leftToDefault);
    }
}
