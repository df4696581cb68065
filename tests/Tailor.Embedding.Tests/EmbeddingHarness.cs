using Microsoft.Extensions.DependencyInjection;
using Tailor.Embedding.Model;
using Tailor.Testing;

namespace Tailor.Embedding.Tests;

/// <summary>
/// Embedding as <see cref="EmbeddingRegistration.AddEmbedding"/> registers it, on the shared <see cref="ConsumerHarness"/>,
/// with the model shared from <see cref="ModelFixture"/>.
/// </summary>
internal static class EmbeddingHarness
{
    /// <param name="replace">Registrations that replace the real ones, e.g. a store that fails once.</param>
    public static Task<ConsumerHarness> StartAsync(SentenceEmbedder embedder, Action<IServiceCollection>? replace = null) =>
        ConsumerHarness.StartAsync(
            "embedding",
            builder => builder.AddEmbedding(),
            // A batch window long enough that a burst published together is consumed as one batch.
            new Dictionary<string, string?> { ["Tailor:Embedding:MessageBatchTimeLimit"] = "00:00:00.300" },
            replace: services =>
            {
                services.AddSingleton(embedder);
                replace?.Invoke(services);
            },
            quietAfter: TimeSpan.FromSeconds(1));
}
