using MassTransit;
using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.Recommendation.Catalog;
using Tailor.Storage;
using Tailor.Messaging;

namespace Tailor.Recommendation.Consumers;

/// <summary>Keeps this service's catalog copy: the titles and prices its recommendations carry.</summary>
public sealed class CatalogItemUpsertedConsumer(IEventStore events, IDocumentStore documents, ILogger<CatalogItemUpsertedConsumer> logger)
    : IConsumer<CatalogItemUpserted>
{
    public async Task Consume(ConsumeContext<CatalogItemUpserted> context)
    {
        var message = context.Message;
        InvalidMessageException.ThrowIfBlank(message.ItemId, message.EventId);
        InvalidMessageException.ThrowIfBlank(message.Title, message.EventId);
        var ct = context.CancellationToken;
        await events.HandleOnceAsync(RecommendationStore.Stream, message.EventId, null, message.OccurredAt, message, KeepNewestAsync, ct);

        async Task KeepNewestAsync(CancellationToken token)
        {
            var current = await documents.FindAsync<CatalogEntry>(RecommendationStore.CatalogCollection, message.ItemId, token);
            if (current is not null && current.UpdatedAt > message.OccurredAt)
            {
                Log.StaleCatalogUpdate(logger, message.ItemId);
                return;
            }

            var entry = new CatalogEntry(message.ItemId, message.Title.Trim(), message.Price, message.OccurredAt);
            await documents.PutAsync(RecommendationStore.CatalogCollection, message.ItemId, entry, token);
        }
    }
}
