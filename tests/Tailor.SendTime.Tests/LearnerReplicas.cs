using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using System.Diagnostics.Metrics;
using Tailor.Profiles;
using Tailor.Profiles.InMemory;
using Tailor.SendTime.Diagnostics;
using Tailor.SendTime.Learning;
using Tailor.SendTime.Serving;
using Tailor.Storage;
using Tailor.Storage.Sqlite;

namespace Tailor.SendTime.Tests;

/// <summary>
/// SendTime's learner as several processes would run it: each replica with its own <see cref="SqliteDatabase"/> (its
/// own connections and write gate) on one shared file, and one profile cache, as they would share Redis.
/// </summary>
public sealed class LearnerReplicas : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"tailor-sendtime-replicas-{Guid.NewGuid():N}.db");
    private readonly List<SqliteDatabase> _databases = [];
    private readonly ServiceProvider _metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();

    /// <param name="wrap">Wraps each replica's store, e.g. in one that fails a write.</param>
    public LearnerReplicas(int count, Func<IDocumentStore, IDocumentStore>? wrap = null)
    {
        var options = Options.Create(new SendTimeOptions());
        var metrics = new SendTimeMetrics(_metrics.GetRequiredService<IMeterFactory>());
        var streamDatabase = new SqliteDatabase(_path);
        _databases.Add(streamDatabase);
        Events = new SqliteEventStore(streamDatabase);
        for (var replica = 0; replica < count; replica++)
        {
            var database = new SqliteDatabase(_path);
            _databases.Add(database);
            var store = wrap?.Invoke(new SqliteDocumentStore(database)) ?? new SqliteDocumentStore(database);
            var documents = new SendTimeDocuments(store);
            var slices = new SendTimeSliceWriter(Profiles, store, new SendTimeSlices(ServedPreference.Load(null), options, TimeProvider.System), TimeProvider.System);
            Learners.Add(new SendTimeLearner(documents, Events, new UserEvidenceFold(options), slices, options, metrics, TimeProvider.System));
            Refreshes.Add(new SendTimeRefresh(documents, slices, options, metrics));
        }
    }

    public List<SendTimeLearner> Learners { get; } = [];

    public List<SendTimeRefresh> Refreshes { get; } = [];

    public IProfileCache Profiles { get; } = new InMemoryProfileCache();

    /// <summary>
    /// The stream the consumers record handled messages in, shared as the store is; the learner reads it, and a test
    /// records in it what a consumer would.
    /// </summary>
    public IEventStore Events { get; }

    /// <summary>The shared store, through the first replica's connection.</summary>
    public IDocumentStore Documents => new SqliteDocumentStore(_databases[0]);

    public void Dispose()
    {
        _databases.ForEach(database => database.Dispose());
        _metrics.Dispose();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
