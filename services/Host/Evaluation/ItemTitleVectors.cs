using Microsoft.Extensions.Options;
using Tailor.Embedding;
using Tailor.Embedding.Diagnostics;
using Tailor.Embedding.Model;

namespace Tailor.Host.Evaluation;

/// <summary>Item vectors for the content model: each title through the Embedding service's model, as the service would embed it.</summary>
public static class ItemTitleVectors
{
    public static Dictionary<string, float[]> Embed(IReadOnlyDictionary<string, string> titles, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(titles);
        ArgumentNullException.ThrowIfNull(progress);
        using var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddMetrics()
            .AddSingleton(Options.Create(new EmbeddingOptions()))
            .AddSingleton<EmbeddingMetrics>()
            .AddSingleton<SentenceEmbedder>()
            .BuildServiceProvider();
        var embedder = services.GetRequiredService<SentenceEmbedder>();
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var done = 0;
        foreach (var chunk in titles.Chunk(256))
        {
            var embedded = embedder.Embed([.. chunk.Select(title => title.Value)]);
            for (var i = 0; i < chunk.Length; i++)
            {
                vectors[chunk[i].Key] = embedded[i];
            }

            done += chunk.Length;
            // One line rewritten in place on a terminal; only the last state when the output goes to a file.
            if (!Console.IsErrorRedirected)
            {
                progress.Write($"\rEmbedding item titles with {embedder.Model}: {done:N0}/{titles.Count:N0}");
            }
        }

        progress.WriteLine(Console.IsErrorRedirected ? $"Embedded {titles.Count:N0} item titles with {embedder.Model}" : string.Empty);
        return vectors;
    }
}
