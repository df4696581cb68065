using MassTransit;
using Tailor.Contracts;
using Tailor.Recommendation.Content;

namespace Tailor.Recommendation.Consumers;

/// <summary>Keeps each catalog item's vector, so items no one has bought yet can be recommended by what they are.</summary>
public sealed class ItemEmbeddedConsumer(ItemVectorIndex index) : IConsumer<ItemEmbedded>
{
    public async Task Consume(ConsumeContext<ItemEmbedded> context)
    {
        // What reaches it has an item, a model and version, and a unit vector (MessageRules).
        var message = context.Message;

        // Storing is idempotent (the newer vector stays), so a redelivery needs no inbox record.
        await index.SaveAsync(
            new ItemVectorEntry(message.ItemId, message.Model, message.ModelVersion, message.Vector, message.OccurredAt), context.CancellationToken);
    }
}
