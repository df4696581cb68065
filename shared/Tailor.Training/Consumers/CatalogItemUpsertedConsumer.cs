using MassTransit;
using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.Storage;
using Tailor.Training.Catalog;

namespace Tailor.Training.Consumers;

/// <summary>
/// Keeps the service's catalog copy: the names and prices its outputs carry, the names of items an activity arrived
/// without one, and which items the shop has withdrawn.
/// </summary>
public sealed class CatalogItemUpsertedConsumer<TCopy>(
    IEventStore events,
    IDocumentStore documents,
    ILogger<CatalogItemUpsertedConsumer<TCopy>> logger) : IConsumer<CatalogItemUpserted>
    where TCopy : ICatalogCopy
{
    public async Task Consume(ConsumeContext<CatalogItemUpserted> context)
    {
        var message = context.Message;
        // Recorded after the copy is written, so a failed write is retried; writing the same entry again is harmless.
        await events.HandleOnceAsync(TCopy.Stream, message.EventId, null, message.OccurredAt, message, KeepNewestAsync, context.CancellationToken);

        async Task KeepNewestAsync(CancellationToken cancellationToken)
        {
            var current = await documents.FindAsync<CatalogEntry>(TCopy.CatalogCollection, message.ItemId, cancellationToken);
            if (current is not null && current.UpdatedAt > message.OccurredAt)
            {
                Log.StaleCatalogUpdate(logger, message.ItemId, TCopy.Stream);
                return;
            }

            var entry = new CatalogEntry(message.ItemId, message.Title.Trim(), message.Price, message.OccurredAt, message.Available);
            await documents.PutAsync(TCopy.CatalogCollection, message.ItemId, entry, cancellationToken);
        }
    }
}
