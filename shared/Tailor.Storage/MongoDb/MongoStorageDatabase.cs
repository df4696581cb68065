using MongoDB.Driver;

namespace Tailor.Storage.MongoDb;

/// <summary>
/// The database the stores use, held privately so that services reach MongoDB only through
/// <see cref="IEventStore"/> and <see cref="IDocumentStore"/>.
/// </summary>
internal sealed record MongoStorageDatabase(IMongoDatabase Database);
