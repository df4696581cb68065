using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Tailor.Embedding.Model;

namespace Tailor.Embedding.Tests;

/// <summary>Dynamic batching on the real model: concurrent callers share model runs and get the vectors they would alone.</summary>
public sealed class DynamicBatchingTests(ModelFixture model)
{
    [Fact]
    public async Task EmbedAsync_concurrent_requests_share_model_runs_and_get_their_own_vectors()
    {
        using var services = ModelFixture.CreateServices(new EmbeddingOptions { BatchWindow = TimeSpan.FromMilliseconds(50) });
        var meterFactory = services.GetRequiredService<IMeterFactory>();
        var embedder = services.GetRequiredService<SentenceEmbedder>();
        var runSizes = new List<int>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meterListener) =>
        {
            if (instrument.Meter.Scope == meterFactory && instrument.Name == "tailor.embedding.batch_size")
            {
                meterListener.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, size, _, _) =>
        {
            lock (runSizes)
            {
                runSizes.Add(size);
            }
        });
        listener.Start();
        var texts = TestMessages.RetailLines.Select(line => line.Description.Trim()).Distinct().Take(24).ToArray();
        embedder.Embed([texts[0]]); // loads the model, so the requests below arrive together
        lock (runSizes)
        {
            runSizes.Clear();
        }

        var vectors = await Task.WhenAll(texts.Select(text => embedder.EmbedAsync([text], TestContext.Current.CancellationToken)));

        Assert.Equal(texts.Length, runSizes.Sum());
        Assert.True(runSizes.Count < texts.Length / 2, $"{texts.Length} requests took {runSizes.Count} runs: {string.Join(", ", runSizes)}");
        for (var i = 0; i < texts.Length; i++)
        {
            VectorAssert.Close(model.Embed(texts[i]), Assert.Single(vectors[i]), 1e-4f);
        }
    }
}
