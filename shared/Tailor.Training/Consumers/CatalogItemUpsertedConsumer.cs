using MassTransit;
using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.Storage;
using Tailor.Training.Catalog;

namespace Tailor.Training.Consumers;

/// <summary>
/// Keeps the service's catalog copy: the names and prices its model outputs carry, and the names of items an activity
/// arrived without one.
/// </summary>
public sealed class CatalogItemUpsertedConsumer<TTrainer>(
    IEventStore events,
    IDocumentStore documents,
    ILogger<CatalogItemUpsertedConsumer<TTrainer>> logger) : IConsumer<CatalogItemUpserted>
    where TTrainer : IModelTrainer
{
    public async Task Consume(ConsumeContext<CatalogItemUpserted> context)
    {
        var message = context.Message;
        // Recorded after the copy is written, so a failed write is retried; writing the same entry again is harmless.
        await events.HandleOnceAsync(TTrainer.Stream, message.EventId, null, message.OccurredAt, message, KeepNewestAsync, context.CancellationToken);

        async Task KeepNewestAsync(CancellationToken cancellationToken)
        {
            var current = await documents.FindAsync<CatalogEntry>(TTrainer.CatalogCollection, message.ItemId, cancellationToken);
            if (current is not null && current.UpdatedAt > message.OccurredAt)
            {
                Log.StaleCatalogUpdate(logger, message.ItemId, TTrainer.Stream);
                return;
            }

            var entry = new CatalogEntry(message.ItemId, message.Title.Trim(), message.Price, message.OccurredAt);
            await documents.PutAsync(TTrainer.CatalogCollection, message.ItemId, entry, cancellationToken);
        }
    }
}
