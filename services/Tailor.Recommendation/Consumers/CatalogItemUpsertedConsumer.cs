using MassTransit;
using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.Recommendation.Catalog;
using Tailor.Storage;

namespace Tailor.Recommendation.Consumers;

/// <summary>Keeps this service's catalog copy: the titles and prices its recommendations carry.</summary>
public sealed class CatalogItemUpsertedConsumer(IEventStore events, IDocumentStore documents, ILogger<CatalogItemUpsertedConsumer> logger)
    : IConsumer<CatalogItemUpserted>
{
    public async Task Consume(ConsumeContext<CatalogItemUpserted> context)
    {
        var message = context.Message;
        ArgumentException.ThrowIfNullOrWhiteSpace(message.ItemId, nameof(context));
        ArgumentException.ThrowIfNullOrWhiteSpace(message.Title, nameof(context));
        var ct = context.CancellationToken;
        if (!await events.RecordAsync(RecommendationStore.Stream, message.EventId, null, message.OccurredAt, message, ct))
        {
            return;
        }

        var current = await documents.FindAsync<CatalogEntry>(RecommendationStore.CatalogCollection, message.ItemId, ct);
        if (current is not null && current.UpdatedAt > message.OccurredAt)
        {
            Log.StaleCatalogUpdate(logger, message.ItemId);
            return;
        }

        var entry = new CatalogEntry(message.ItemId, message.Title.Trim(), message.Price, message.OccurredAt);
        await documents.PutAsync(RecommendationStore.CatalogCollection, message.ItemId, entry, ct);
    }
}
