using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tailor.Embedding.Diagnostics;
using Tailor.Embedding.Model;
using StackExchange.Redis;
using Tailor.Embedding.Vectors;
using Tailor.Profiles.Redis;
using Tailor.Testing;

namespace Tailor.Embedding.Tests;

public sealed class TextVectorsTests
{
    [Fact]
    public async Task Embed_runs_each_distinct_text_through_the_model_once()
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
        using var texts = new TextVectors(embedder, services.GetRequiredService<EmbeddingMetrics>(), new ProcessOnlyTextVectorCache(), Options.Create(options));

        var first = await texts.EmbedAsync(["PARTY BUNTING", "JUMBO BAG RED RETROSPOT", "PARTY BUNTING"], TestContext.Current.CancellationToken);
        var second = await texts.EmbedAsync(["PARTY BUNTING", "LUNCH BAG RED RETROSPOT"], TestContext.Current.CancellationToken);

        Assert.Equal(3, Interlocked.Read(ref embedded));
        // Distinct texts per call: the first call misses both, the second hits one and misses one.
        Assert.Equal(1, cacheResults.Where(result => result.Result == "hit").Sum(result => result.Texts));
        Assert.Equal(3, cacheResults.Where(result => result.Result == "miss").Sum(result => result.Texts));
        Assert.Equal([embedder.ExecutionProvider], providers);
        Assert.Same(first[0], first[2]);
        Assert.Same(first[0], second[0]);
        VectorAssert.Close(embedder.Embed(["LUNCH BAG RED RETROSPOT"])[0], second[1], 1e-6f);
    }

    [Fact]
    public async Task A_second_replica_finds_texts_in_the_shared_redis_cache_and_runs_no_model()
    {
        var redisConfiguration = TestInfrastructure.RequireRedis();
        using var redis = await ConnectionMultiplexer.ConnectAsync(redisConfiguration);
        var prefix = Options.Create(new RedisProfileOptions { KeyPrefix = $"test-{Guid.NewGuid():N}:" });
        var options = new EmbeddingOptions();
        var shared = new RedisTextVectorCache(redis, prefix, Options.Create(options));
        using var firstServices = ModelFixture.CreateServices(options);
        using var secondServices = ModelFixture.CreateServices(options);
        string[] titles = ["PARTY BUNTING", "JUMBO BAG RED RETROSPOT"];
        using var first = new TextVectors(
            firstServices.GetRequiredService<SentenceEmbedder>(), firstServices.GetRequiredService<EmbeddingMetrics>(), shared, Options.Create(options));
        using var second = new TextVectors(
            secondServices.GetRequiredService<SentenceEmbedder>(), secondServices.GetRequiredService<EmbeddingMetrics>(), shared, Options.Create(options));

        var embedded = await first.EmbedAsync(titles, TestContext.Current.CancellationToken);
        var fromRedis = await second.EmbedAsync(titles, TestContext.Current.CancellationToken);

        Assert.False(secondServices.GetRequiredService<SentenceEmbedder>().IsLoaded, "the second replica never needed its model");
        Assert.Equal(embedded[0], fromRedis[0]);
        Assert.Equal(embedded[1], fromRedis[1]);
    }
}
