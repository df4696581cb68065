using Tailor.Ingestion.Validation;

namespace Tailor.Ingestion.Webhooks;

/// <summary>What a provider's payload held: events Tailor understands, and the items it skipped with the reason.</summary>
internal sealed class WebhookBatch
{
    public List<ProviderEvent> Events { get; } = [];

    /// <summary>Events of kinds Tailor does not learn from (processed, deferred ...), by index.</summary>
    public List<SkippedEvent> Skipped { get; } = [];

    public ValidationErrors Errors { get; } = new();
}

/// <param name="Index">The event's position in the payload (0 for a single-event payload).</param>
internal sealed record SkippedEvent(int Index, string Reason);
