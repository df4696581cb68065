using Microsoft.Extensions.Options;
using Tailor.Embedding.Model;
using Tailor.Embedding.Vectors;
using Tailor.Storage;
using Tailor.Testing;

namespace Tailor.Embedding.Tests;

/// <summary>Two replicas' <see cref="ItemVectorStore"/>s on one SQLite file storing changes of one catalog item at once.</summary>
public sealed class ItemVectorStoreReplicaTests(ModelFixture model) : IDisposable
{
    private const string ItemId = "85123A";
    private readonly SqliteReplicas _stores = new();

    public void Dispose() => _stores.Dispose();

    [Fact]
    public async Task SaveUnlessStaleAsync_of_many_changes_on_two_replicas_at_once_keeps_the_latest_change()
    {
        using var first = new ItemVectorStore(_stores.Documents[0], Options.Create(new EmbeddingOptions()));
        using var second = new ItemVectorStore(_stores.Documents[1], Options.Create(new EmbeddingOptions()));
        ItemVectorStore[] replicas = [first, second];
        var vector = model.Embed("WHITE HANGING HEART T-LIGHT HOLDER");
        // Forty edits of the item, an hour apart, stored in a shuffled order by eight consumers on two replicas.
        var changes = Enumerable.Range(0, 40).Select(hour => TestMessages.Start.AddHours(hour)).OrderBy(_ => Random.Shared.Next()).ToList();

        var stored = await Task.WhenAll(changes.Select((occurredAt, index) => Task.Run(
            () => replicas[index % 2].SaveUnlessStaleAsync(
                new ItemVector(ItemId, EmbeddingModels.MiniLm.Name, EmbeddingModels.MiniLm.Version, vector, occurredAt), TestContext.Current.CancellationToken),
            TestContext.Current.CancellationToken)));

        var kept = await _stores.Documents[0].FindAsync<ItemVector>(EmbeddingNames.ItemsCollection, ItemId, TestContext.Current.CancellationToken);
        Assert.Equal(changes.Max(), kept!.SourceOccurredAt);
        Assert.True(stored[changes.IndexOf(changes.Max())]);
    }
}
