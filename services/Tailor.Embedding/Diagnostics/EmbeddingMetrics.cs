using System.Diagnostics.Metrics;

namespace Tailor.Embedding.Diagnostics;

/// <summary>The model's throughput, per execution provider.</summary>
public sealed class EmbeddingMetrics
{
    private readonly Counter<long> _textsEmbedded;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _batchDuration;
    private readonly Counter<long> _textCacheLookups;

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
    }

    public const string TextCacheLookupsName = "tailor.embedding.text_cache.lookups";

    /// <summary>Distinct texts of one request found in the cache, and those that had to go to the model.</summary>
    public void TextCacheLooked(int hits, int misses)
    {
        _textCacheLookups.Add(hits, new KeyValuePair<string, object?>("result", "hit"));
        _textCacheLookups.Add(misses, new KeyValuePair<string, object?>("result", "miss"));
    }

    public void ModelRan(int texts, TimeSpan elapsed, string executionProvider)
    {
        var provider = new KeyValuePair<string, object?>(EmbeddingTelemetry.ExecutionProviderTag, executionProvider);
        _textsEmbedded.Add(texts, provider);
        _batchSize.Record(texts, provider);
        _batchDuration.Record(elapsed.TotalSeconds, provider);
    }
}
