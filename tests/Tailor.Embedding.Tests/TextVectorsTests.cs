using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tailor.Embedding.Diagnostics;
using Tailor.Embedding.Model;
using Tailor.Embedding.Vectors;

namespace Tailor.Embedding.Tests;

public sealed class TextVectorsTests
{
    [Fact]
    public void Embed_runs_each_distinct_text_through_the_model_once()
    {
        var options = new EmbeddingOptions();
        using var services = ModelFixture.CreateServices(options);
        var meterFactory = services.GetRequiredService<IMeterFactory>();
        var embedder = services.GetRequiredService<SentenceEmbedder>();
        long embedded = 0;
        var cacheResults = new List<(string Result, long Texts)>();
        var providers = new HashSet<object?>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meterListener) =>
        {
            // Only this container's meter: other tests embed in parallel through meters of their own.
            if (instrument.Meter.Scope == meterFactory &&
                instrument.Name is "tailor.embedding.texts_embedded" or EmbeddingMetrics.TextCacheLookupsName)
            {
                meterListener.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == EmbeddingMetrics.TextCacheLookupsName)
            {
                lock (cacheResults)
                {
                    cacheResults.Add(((string)tags[0].Value!, value));
                }

                return;
            }

            Interlocked.Add(ref embedded, value);
            foreach (var tag in tags)
            {
                if (tag.Key == EmbeddingTelemetry.ExecutionProviderTag)
                {
                    providers.Add(tag.Value);
                }
            }
        });
        listener.Start();
        using var texts = new TextVectors(embedder, services.GetRequiredService<EmbeddingMetrics>(), Options.Create(options));

        var first = texts.Embed(["PARTY BUNTING", "JUMBO BAG RED RETROSPOT", "PARTY BUNTING"]);
        var second = texts.Embed(["PARTY BUNTING", "LUNCH BAG RED RETROSPOT"]);

        Assert.Equal(3, Interlocked.Read(ref embedded));
        // Distinct texts per call: the first call misses both, the second hits one and misses one.
        Assert.Equal(1, cacheResults.Where(result => result.Result == "hit").Sum(result => result.Texts));
        Assert.Equal(3, cacheResults.Where(result => result.Result == "miss").Sum(result => result.Texts));
        Assert.Equal([embedder.ExecutionProvider], providers);
        Assert.Same(first[0], first[2]);
        Assert.Same(first[0], second[0]);
        VectorAssert.Close(embedder.Embed(["LUNCH BAG RED RETROSPOT"])[0], second[1], 1e-6f);
    }
}
