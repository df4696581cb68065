using Tailor.Messaging;

namespace Tailor.Recommendation.Consumers;

/// <summary>The check every message carrying an Embedding vector gets: without its model, version and values it cannot be compared.</summary>
internal static class EmbeddedVector
{
    public static void ThrowIfIncomplete(string messageType, Guid eventId, string? model, string? modelVersion, float[]? vector)
    {
        if (Problem(model, modelVersion, vector) is not null)
        {
            throw new InvalidMessageException($"{messageType} {eventId} has no model, model version or vector.");
        }
    }

    /// <summary>What is missing, for a batch consumer that rejects one message and handles the rest; null when complete.</summary>
    public static string? Problem(string? model, string? modelVersion, float[]? vector) =>
        string.IsNullOrWhiteSpace(model) || string.IsNullOrWhiteSpace(modelVersion) || vector is not { Length: > 0 }
            ? "it has no model, model version or vector"
            : null;
}
