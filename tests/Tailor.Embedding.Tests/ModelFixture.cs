using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tailor.Embedding.Diagnostics;
using Tailor.Embedding.Model;

[assembly: AssemblyFixture(typeof(Tailor.Embedding.Tests.ModelFixture))]

namespace Tailor.Embedding.Tests;

/// <summary>The real all-MiniLM-L6-v2, loaded once for the whole test run (from the model file the build copied to bin/).</summary>
public sealed class ModelFixture : IDisposable
{
    private readonly ServiceProvider _services;

    public ModelFixture()
    {
        _services = CreateServices(new EmbeddingOptions());
        Embedder = _services.GetRequiredService<SentenceEmbedder>();
    }

    public SentenceEmbedder Embedder { get; }

    public float[] Embed(string text) => Embedder.Embed([text])[0];

    /// <summary>A container with an embedder of its own (its own model session and meter).</summary>
    public static ServiceProvider CreateServices(EmbeddingOptions options) =>
        new ServiceCollection()
            .AddLogging()
            .AddMetrics()
            .AddSingleton(Options.Create(options))
            .AddSingleton<EmbeddingMetrics>()
            .AddSingleton<SentenceEmbedder>()
            .BuildServiceProvider();

    public void Dispose() => _services.Dispose();
}
