using MassTransit;
using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.Storage;
using Tailor.Topic.Catalog;

namespace Tailor.Topic.Consumers;

/// <summary>Keeps this service's catalog copy, which names items an activity arrived without a name for.</summary>
public sealed class CatalogItemUpsertedConsumer(IEventStore events, IDocumentStore documents, ILogger<CatalogItemUpsertedConsumer> logger)
    : IConsumer<CatalogItemUpserted>
{
    public async Task Consume(ConsumeContext<CatalogItemUpserted> context)
    {
        var message = context.Message;
        ArgumentException.ThrowIfNullOrWhiteSpace(message.ItemId, nameof(context));
        ArgumentException.ThrowIfNullOrWhiteSpace(message.Title, nameof(context));
        var ct = context.CancellationToken;
        if (!await events.RecordAsync(TopicStore.Stream, message.EventId, null, message.OccurredAt, message, ct))
        {
            return;
        }

        var current = await documents.FindAsync<CatalogTitle>(TopicStore.CatalogCollection, message.ItemId, ct);
        if (current is not null && current.UpdatedAt > message.OccurredAt)
        {
            Log.StaleCatalogUpdate(logger, message.ItemId);
            return;
        }

        await documents.PutAsync(TopicStore.CatalogCollection, message.ItemId, new CatalogTitle(message.ItemId, message.Title.Trim(), message.OccurredAt), ct);
    }
}
