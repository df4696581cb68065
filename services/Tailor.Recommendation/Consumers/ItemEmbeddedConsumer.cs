using MassTransit;
using Tailor.Contracts;
using Tailor.Messaging;
using Tailor.Recommendation.Content;

namespace Tailor.Recommendation.Consumers;

/// <summary>Keeps each catalog item's vector, so items no one has bought yet can be recommended by what they are.</summary>
public sealed class ItemEmbeddedConsumer(ItemVectorIndex index) : IConsumer<ItemEmbedded>
{
    public async Task Consume(ConsumeContext<ItemEmbedded> context)
    {
        var message = context.Message;
        InvalidMessageException.ThrowIfBlank(message.ItemId, message.EventId);
        EmbeddedVector.ThrowIfIncomplete(nameof(ItemEmbedded), message.EventId, message.Model, message.ModelVersion, message.Vector);

        // Storing is idempotent (the newer vector stays), so a redelivery needs no inbox record.
        await index.SaveAsync(
            new ItemVectorEntry(message.ItemId, message.Model, message.ModelVersion, message.Vector, message.OccurredAt), context.CancellationToken);
    }
}
