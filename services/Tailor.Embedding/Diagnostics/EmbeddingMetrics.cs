using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Tailor.Embedding.Diagnostics;

/// <summary>The model's throughput, per execution provider.</summary>
public sealed class EmbeddingMetrics
{
    private readonly Counter<long> _textsEmbedded;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _batchDuration;
    private readonly Counter<long> _textCacheLookups;
    private readonly UpDownCounter<int> _sessions;

    public EmbeddingMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(EmbeddingTelemetry.Name);
        _textsEmbedded = meter.CreateCounter<long>(
            "tailor.embedding.texts_embedded", "{text}", "Texts run through the model (cache hits excluded).");
        _batchSize = meter.CreateHistogram<int>("tailor.embedding.batch_size", "{text}", "Texts per model run.");
        _batchDuration = meter.CreateHistogram<double>("tailor.embedding.batch_duration", "s", "Time of one model run.");
        _textCacheLookups = meter.CreateCounter<long>(
            TextCacheLookupsName, "{text}", "Texts looked up in the content-hash cache, tagged result=hit or miss: the hit ratio.");
        _sessions = meter.CreateUpDownCounter<int>(
            SessionsName, "{session}", "Model sessions loaded in this process, by model and execution provider (cuda or cpu).");
    }

    public const string SessionsName = "tailor.embedding.sessions";

    public const string TextCacheLookupsName = "tailor.embedding.text_cache.lookups";

    /// <summary>Distinct texts of one request found in the cache, and those that had to go to the model.</summary>
    public void TextCacheLooked(int hits, int misses)
    {
        _textCacheLookups.Add(hits, new KeyValuePair<string, object?>("result", "hit"));
        _textCacheLookups.Add(misses, new KeyValuePair<string, object?>("result", "miss"));
    }

    /// <summary>Which execution provider the model landed on: what a dashboard shows to tell a GPU node from a CPU one.</summary>
    public void ModelLoaded(string model, string executionProvider) =>
        _sessions.Add(1, Tags(executionProvider, model));

    public void ModelRan(int texts, TimeSpan elapsed, string executionProvider, string model)
    {
        var tags = Tags(executionProvider, model);
        _textsEmbedded.Add(texts, tags);
        _batchSize.Record(texts, tags);
        _batchDuration.Record(elapsed.TotalSeconds, tags);
    }

    private static TagList Tags(string executionProvider, string model) => new()
    {
        { EmbeddingTelemetry.ExecutionProviderTag, executionProvider },
        { EmbeddingTelemetry.ModelTag, model },
    };
}
