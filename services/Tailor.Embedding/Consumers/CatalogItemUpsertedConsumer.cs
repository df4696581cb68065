using MassTransit;
using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.Embedding.Vectors;
using Tailor.Messaging;
using Tailor.Storage;

namespace Tailor.Embedding.Consumers;

/// <summary>Embeds catalog items ("title. description"), a batch at a time, stores the vectors and announces them.</summary>
public sealed class CatalogItemUpsertedConsumer(
    TextVectors texts,
    ItemVectorStore items,
    IEventStore events,
    TimeProvider time,
    ILogger<CatalogItemUpsertedConsumer> logger) : IConsumer<Batch<CatalogItemUpserted>>
{
    public async Task Consume(ConsumeContext<Batch<CatalogItemUpserted>> context)
    {
        var cancellationToken = context.CancellationToken;
        // Each has an item id, a title and a time in range: MessageRules refused any other on the way in.
        var changes = context.Message.Select(entry => entry.Message).ToList();

        // In event-time order, so of two changes of one item in a batch the newer one is what stays.
        changes.Sort((left, right) => left.OccurredAt.CompareTo(right.OccurredAt));
        var unhandled = await events.UnhandledAsync(EmbeddingNames.Stream, changes, change => change.EventId, cancellationToken);
        if (unhandled.Count < changes.Count)
        {
            Log.Duplicates(logger, nameof(CatalogItemUpserted), changes.Count - unhandled.Count);
        }

        // Each change is recorded only after its vector is stored and published, so a failure anywhere before that
        // is retried whole; a repeat after a crash stores the same vector and publishes the same ItemEmbedded id.
        var vectors = await texts.EmbedAsync([.. unhandled.Select(ItemText)], cancellationToken);
        var model = texts.Model;
        var embedded = new List<ItemEmbedded>();
        for (var i = 0; i < unhandled.Count; i++)
        {
            var change = unhandled[i];
            if (!await items.SaveUnlessStaleAsync(new ItemVector(change.ItemId, model.Name, model.Version, vectors[i], change.OccurredAt), cancellationToken))
            {
                Log.StaleCatalogChange(logger, change.EventId, change.ItemId);
                continue;
            }

            var now = time.GetUtcNow();
            embedded.Add(new ItemEmbedded(
                StableIds.For(change.EventId, nameof(ItemEmbedded)), change.ItemId, now, model.Name, model.Version, vectors[i]));
        }

        if (embedded.Count > 0)
        {
            await context.PublishBatch(embedded, cancellationToken);
        }

        foreach (var change in unhandled)
        {
            await events.RecordAsync(EmbeddingNames.Stream, change.EventId, null, change.OccurredAt, change, cancellationToken);
        }

        Log.ItemsEmbedded(logger, embedded.Count, context.Message.Length);
    }

    /// <summary>The text an item is known by: its title, and its description when it has one.</summary>
    public static string ItemText(CatalogItemUpserted item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return string.IsNullOrWhiteSpace(item.Description) ? item.Title : $"{item.Title}. {item.Description}";
    }
}
