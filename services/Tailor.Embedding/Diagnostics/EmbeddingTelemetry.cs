using System.Diagnostics;

namespace Tailor.Embedding.Diagnostics;

/// <summary>This service's trace source and meter name; <c>Tailor.*</c> is what the service defaults export.</summary>
public static class EmbeddingTelemetry
{
    public const string Name = "Tailor.Embedding";

    /// <summary>The tag every inference span and measurement carries: <c>cuda</c> or <c>cpu</c>.</summary>
    public const string ExecutionProviderTag = "tailor.embedding.execution_provider";

    /// <summary>The model's name, on the same spans and measurements.</summary>
    public const string ModelTag = "tailor.embedding.model";

    internal static ActivitySource Source { get; } = new(Name);
}
