using MassTransit;
using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.Storage;
using Tailor.Topic.Catalog;
using Tailor.Messaging;

namespace Tailor.Topic.Consumers;

/// <summary>Keeps this service's catalog copy, which names items an activity arrived without a name for.</summary>
public sealed class CatalogItemUpsertedConsumer(IEventStore events, IDocumentStore documents, ILogger<CatalogItemUpsertedConsumer> logger)
    : IConsumer<CatalogItemUpserted>
{
    public async Task Consume(ConsumeContext<CatalogItemUpserted> context)
    {
        var message = context.Message;
        InvalidMessageException.ThrowIfBlank(message.ItemId, message.EventId);
        InvalidMessageException.ThrowIfBlank(message.Title, message.EventId);
        var ct = context.CancellationToken;
        await events.HandleOnceAsync(TopicStore.Stream, message.EventId, null, message.OccurredAt, message, KeepNewestAsync, ct);

        async Task KeepNewestAsync(CancellationToken token)
        {
            var current = await documents.FindAsync<CatalogTitle>(TopicStore.CatalogCollection, message.ItemId, token);
            if (current is not null && current.UpdatedAt > message.OccurredAt)
            {
                Log.StaleCatalogUpdate(logger, message.ItemId);
                return;
            }

            await documents.PutAsync(TopicStore.CatalogCollection, message.ItemId, new CatalogTitle(message.ItemId, message.Title.Trim(), message.OccurredAt), token);
        }
    }
}
