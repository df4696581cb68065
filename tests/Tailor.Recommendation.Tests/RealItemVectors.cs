using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tailor.Embedding;
using Tailor.Embedding.Diagnostics;
using Tailor.Embedding.Model;

[assembly: AssemblyFixture(typeof(Tailor.Recommendation.Tests.RealItemVectors))]

namespace Tailor.Recommendation.Tests;

/// <summary>The Embedding service's real model (all-MiniLM-L6-v2), loaded once, for vectors of real product text.</summary>
public sealed class RealItemVectors : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddLogging()
        .AddMetrics()
        .AddSingleton(Options.Create(new EmbeddingOptions()))
        .AddSingleton<EmbeddingMetrics>()
        .AddSingleton<SentenceEmbedder>()
        .BuildServiceProvider();

    public EmbeddingModel Model => EmbeddingModels.MiniLm;

    public float[] Embed(string text) => _services.GetRequiredService<SentenceEmbedder>().Embed([text])[0];

    public void Dispose() => _services.Dispose();
}
