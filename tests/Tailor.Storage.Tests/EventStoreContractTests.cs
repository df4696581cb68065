using System.Text.Json;
using System.Text.Json.Nodes;
using Tailor.Contracts;

namespace Tailor.Storage.Tests;

/// <summary>What every <see cref="IEventStore"/> must do; each adapter runs these against a store of its own.</summary>
public abstract class EventStoreContractTests
{
    private const string Ingestion = "ingestion";
    private const string Recommendation = "recommendation";

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A new, empty store (skips the test when the adapter's server is not there).</summary>
    protected abstract IEventStore CreateStore();

    [Fact]
    public async Task Append_duplicate_event_id_returns_false_and_keeps_the_first()
    {
        var store = CreateStore();
        var purchase = RetailSample.Purchases(1)[0];

        Assert.True(await Record(store, Ingestion, purchase));
        Assert.False(await Record(store, Ingestion, purchase with { Quantity = 999 }));

        var stored = await store.ReadMessagesAsync<UserActivityTracked>(new EventQuery(Ingestion), Token).ToListAsync(Token);
        Assert.Equal(purchase.Quantity, Assert.Single(stored).Quantity);
        Assert.Equal(1, await store.CountAsync(Ingestion, Token));
    }

    [Fact]
    public async Task Append_many_says_which_are_new_within_and_across_batches()
    {
        var store = CreateStore();
        var purchases = RetailSample.Purchases(3);
        StoredEvent Stored(UserActivityTracked purchase) => StoredEvent.Of(Ingestion, purchase.EventId, purchase.UserId, purchase.OccurredAt, purchase);

        var first = await store.AppendManyAsync([Stored(purchases[0]), Stored(purchases[1]), Stored(purchases[0])], Token);
        var second = await store.AppendManyAsync([Stored(purchases[1]), Stored(purchases[2])], Token);

        Assert.Equal([true, true, false], first);
        Assert.Equal([false, true], second);
        Assert.Equal(3, await store.CountAsync(Ingestion, Token));
        Assert.Empty(await store.AppendManyAsync([], Token));
    }

    [Fact]
    public async Task Contains_is_true_only_for_an_event_recorded_in_that_stream()
    {
        var store = CreateStore();
        var purchase = RetailSample.Purchases(1)[0];

        Assert.False(await store.ContainsAsync(Ingestion, purchase.EventId, Token));
        await Record(store, Ingestion, purchase);

        Assert.True(await store.ContainsAsync(Ingestion, purchase.EventId, Token));
        Assert.False(await store.ContainsAsync(Recommendation, purchase.EventId, Token));
        Assert.False(await store.ContainsAsync(Ingestion, Guid.NewGuid(), Token));
    }

    [Fact]
    public async Task Contains_many_names_exactly_the_ids_recorded_in_that_stream_across_chunks()
    {
        var store = CreateStore();
        var purchases = RetailSample.Purchases(1200);
        await store.RecordManyAsync(Ingestion, purchases.Where((_, index) => index % 3 == 0), Token);
        await Record(store, Recommendation, purchases[1]);

        // More ids than one query takes at once, some twice: the answer is the recorded third, and only in its stream.
        var asked = purchases.Select(purchase => purchase.EventId).Append(purchases[0].EventId).ToList();
        var held = await store.ContainsManyAsync(Ingestion, asked, Token);

        Assert.Equal(purchases.Where((_, index) => index % 3 == 0).Select(purchase => purchase.EventId).ToHashSet(), held.ToHashSet());
        Assert.Empty(await store.ContainsManyAsync(Ingestion, [], Token));
    }

    [Fact]
    public async Task Unhandled_keeps_the_batch_order_and_drops_recorded_and_repeated_messages()
    {
        var store = CreateStore();
        var purchases = RetailSample.Purchases(4);
        await Record(store, Ingestion, purchases[1]);

        var unhandled = await store.UnhandledAsync(Ingestion, [purchases[3], purchases[1], purchases[0], purchases[3], purchases[2]], purchase => purchase.EventId, Token);

        Assert.Equal([purchases[3], purchases[0], purchases[2]], unhandled);
    }

    [Fact]
    public async Task LeaveOutHandledAsync_takes_out_of_the_keys_lists_what_the_stream_recorded_and_names_those_with_items_left()
    {
        var store = CreateStore();
        var purchases = RetailSample.Purchases(5);
        await Record(store, Ingestion, purchases[1]);
        await Record(store, Ingestion, purchases[3]);
        await Record(store, Recommendation, purchases[4]);
        var byUser = new Dictionary<string, List<UserActivityTracked>>
        {
            ["a"] = [purchases[0], purchases[1]],
            ["b"] = [purchases[3], purchases[2], purchases[4]],
            ["c"] = [purchases[1], purchases[3]],
            ["d"] = [purchases[2]],
        };

        var left = await store.LeaveOutHandledAsync(Ingestion, byUser, ["a", "b", "c"], purchase => purchase.EventId, Token);

        Assert.Equal(["a", "b"], left);
        Assert.Equal([purchases[0]], byUser["a"]);
        Assert.Equal([purchases[2], purchases[4]], byUser["b"]);
        Assert.Empty(byUser["c"]);
        Assert.Equal([purchases[2]], byUser["d"]);
    }

    [Fact]
    public async Task Append_same_event_id_in_another_stream_records_it_there_too()
    {
        var store = CreateStore();
        var purchase = RetailSample.Purchases(1)[0];

        Assert.True(await Record(store, Ingestion, purchase));
        Assert.True(await Record(store, Recommendation, purchase));

        Assert.Equal(1, await store.CountAsync(Ingestion, Token));
        Assert.Equal(1, await store.CountAsync(Recommendation, Token));
    }

    [Fact]
    public async Task Read_round_trips_every_field_and_the_message()
    {
        var store = CreateStore();
        var purchase = RetailSample.Purchases(1)[0];
        var written = new StoredEvent(
            purchase.EventId,
            Ingestion,
            nameof(UserActivityTracked),
            purchase.UserId,
            purchase.OccurredAt.AddTicks(1234), // sub-millisecond precision must survive
            JsonSerializer.Serialize(purchase, StoreJson.Options));

        await store.AppendAsync(written, Token);

        var read = Assert.Single(await store.ReadAsync(new EventQuery(Ingestion), Token).ToListAsync(Token));
        Assert.Equal(written.EventId, read.EventId);
        Assert.Equal(written.Stream, read.Stream);
        Assert.Equal(written.Type, read.Type);
        Assert.Equal(written.UserId, read.UserId);
        Assert.Equal(written.OccurredAt.UtcTicks, read.OccurredAt.UtcTicks);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(written.Payload), JsonNode.Parse(read.Payload)), read.Payload);

        var message = JsonSerializer.Deserialize<UserActivityTracked>(read.Payload, StoreJson.Options)!;
        Assert.Equal((purchase.ItemId, purchase.ItemName, purchase.Quantity, purchase.Price), (message.ItemId, message.ItemName, message.Quantity, message.Price));
        Assert.Equal(purchase.Properties, message.Properties);
    }

    [Fact]
    public async Task Read_returns_events_by_time_then_event_id_whatever_the_append_order()
    {
        var store = CreateStore();
        var purchases = RetailSample.Purchases(300); // lines of one invoice share a time, so event ids break many ties
        foreach (var purchase in purchases.Reverse())
        {
            await Record(store, Ingestion, purchase);
        }

        var read = await store.ReadAsync(new EventQuery(Ingestion), Token).Select(stored => stored.EventId).ToListAsync(Token);

        var expected = purchases.OrderBy(p => p.OccurredAt.UtcTicks).ThenBy(p => p.EventId.ToString("D"), StringComparer.Ordinal).Select(p => p.EventId);
        Assert.Equal(expected, read);
    }

    [Fact]
    public async Task Read_by_user_returns_only_that_users_events()
    {
        var store = CreateStore();
        var purchases = RetailSample.Purchases(300);
        await RecordAll(store, Ingestion, purchases);
        var user = purchases[0].UserId;

        var read = await store.ReadAsync(new EventQuery(Ingestion) { UserId = user }, Token).ToListAsync(Token);

        Assert.Equal(purchases.Count(p => p.UserId == user), read.Count);
        Assert.All(read, stored => Assert.Equal(user, stored.UserId));
    }

    [Fact]
    public async Task Read_by_type_returns_only_that_type()
    {
        var store = CreateStore();
        var purchases = RetailSample.Purchases(20);
        await RecordAll(store, Ingestion, purchases);
        var engaged = new EmailEngaged(
            Guid.NewGuid(), purchases[0].UserId, purchases[0].OccurredAt, Guid.NewGuid(), "campaign-1", EngagementKind.Open, Url: null, ItemId: null, IsMachineOpen: false);
        await store.RecordAsync(Ingestion, engaged, Token);

        var read = await store.ReadMessagesAsync<EmailEngaged>(new EventQuery(Ingestion), Token).ToListAsync(Token);

        Assert.Equal(engaged.EventId, Assert.Single(read).EventId);
        Assert.Equal(21, await store.CountAsync(Ingestion, Token));
    }

    [Fact]
    public async Task Read_since_includes_events_at_that_instant_and_later()
    {
        var store = CreateStore();
        var purchases = RetailSample.Purchases(300);
        await RecordAll(store, Ingestion, purchases);
        var since = purchases[150].OccurredAt;

        var read = await store.ReadAsync(new EventQuery(Ingestion) { Since = since }, Token).ToListAsync(Token);

        Assert.Equal(purchases.Count(p => p.OccurredAt >= since), read.Count);
        Assert.All(read, stored => Assert.True(stored.OccurredAt >= since));
        Assert.Contains(read, stored => stored.OccurredAt == since);
    }

    [Fact]
    public async Task Read_with_limit_returns_the_earliest_events()
    {
        var store = CreateStore();
        var purchases = RetailSample.Purchases(100);
        await RecordAll(store, Ingestion, purchases);

        var all = await store.ReadAsync(new EventQuery(Ingestion), Token).ToListAsync(Token);
        var limited = await store.ReadAsync(new EventQuery(Ingestion) { Limit = 7 }, Token).ToListAsync(Token);

        Assert.Equal(all.Take(7), limited);
    }

    [Fact]
    public async Task Read_with_every_filter_applies_them_all()
    {
        var store = CreateStore();
        var purchases = RetailSample.Purchases(300);
        await RecordAll(store, Ingestion, purchases);
        var user = purchases[0].UserId;
        var userPurchases = purchases.Where(p => p.UserId == user).OrderBy(p => p.OccurredAt).ToList();
        var since = userPurchases[userPurchases.Count / 2].OccurredAt;
        var query = new EventQuery(Ingestion) { UserId = user, Type = nameof(UserActivityTracked), Since = since, Limit = 3 };

        var read = await store.ReadAsync(query, Token).ToListAsync(Token);

        Assert.Equal(Math.Min(3, userPurchases.Count(p => p.OccurredAt >= since)), read.Count);
        Assert.All(read, stored => Assert.True(stored.UserId == user && stored.OccurredAt >= since));
    }

    [Fact]
    public async Task Read_of_an_event_without_user_returns_null_user_and_erasure_leaves_it()
    {
        var store = CreateStore();
        var trained = new ModelTrainingRequested(Guid.NewGuid(), DateTimeOffset.UtcNow, "feedback threshold reached");
        await store.RecordAsync(Recommendation, trained.EventId, userId: null, trained.OccurredAt, trained, Token);

        var read = Assert.Single(await store.ReadAsync(new EventQuery(Recommendation), Token).ToListAsync(Token));
        Assert.Null(read.UserId);
        Assert.Equal(0, await store.DeleteUserAsync("17850", Token));
        Assert.Equal(1, await store.CountAsync(Recommendation, Token));
    }

    [Fact]
    public async Task Read_with_a_limit_below_one_is_refused()
    {
        var store = CreateStore();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            async () => await store.ReadAsync(new EventQuery(Ingestion) { Limit = 0 }, Token).ToListAsync(Token));
    }

    [Fact]
    public async Task Count_counts_only_its_stream()
    {
        var store = CreateStore();
        var purchases = RetailSample.Purchases(50);
        await RecordAll(store, Ingestion, purchases);
        await RecordAll(store, Recommendation, purchases.Take(20));

        Assert.Equal(50, await store.CountAsync(Ingestion, Token));
        Assert.Equal(20, await store.CountAsync(Recommendation, Token));
        Assert.Equal(0, await store.CountAsync("topic", Token));
    }

    [Fact]
    public async Task DeleteUser_removes_the_users_events_from_every_stream_and_nothing_else()
    {
        var store = CreateStore();
        var purchases = RetailSample.Purchases(200);
        await RecordAll(store, Ingestion, purchases);
        await RecordAll(store, Recommendation, purchases);
        var user = purchases[0].UserId;
        var perStream = purchases.Count(p => p.UserId == user);

        var removed = await store.DeleteUserAsync(user, Token);

        Assert.Equal(2 * perStream, removed);
        Assert.Empty(await store.ReadAsync(new EventQuery(Ingestion) { UserId = user }, Token).ToListAsync(Token));
        Assert.Empty(await store.ReadAsync(new EventQuery(Recommendation) { UserId = user }, Token).ToListAsync(Token));
        Assert.Equal(200 - perStream, await store.CountAsync(Ingestion, Token));
        Assert.Equal(0, await store.DeleteUserAsync(user, Token));
    }

    [Fact]
    public async Task Append_from_many_concurrent_tasks_loses_nothing_and_records_each_event_once()
    {
        var store = CreateStore();
        var purchases = RetailSample.Purchases(800);

        // Every event is appended twice, by different tasks, as a redelivered message would be.
        var appends = purchases.Concat(purchases)
            .Select((purchase, index) => (purchase, worker: index % 32))
            .GroupBy(pair => pair.worker, pair => pair.purchase)
            .Select(work => Task.Run(async () =>
            {
                var recorded = 0;
                foreach (var purchase in work)
                {
                    recorded += await Record(store, Ingestion, purchase) ? 1 : 0;
                }

                return recorded;
            }, Token));
        var recordedPerTask = await Task.WhenAll(appends);

        Assert.Equal(purchases.Count, recordedPerTask.Sum());
        Assert.Equal(purchases.Count, await store.CountAsync(Ingestion, Token));
        var read = await store.ReadAsync(new EventQuery(Ingestion), Token).Select(stored => stored.EventId).ToListAsync(Token);
        Assert.Equal(purchases.Select(p => p.EventId).Order(), read.Order());
    }

    private static Task<bool> Record(IEventStore store, string stream, UserActivityTracked purchase) =>
        store.RecordAsync(stream, purchase, Token);

    private static async Task RecordAll(IEventStore store, string stream, IEnumerable<UserActivityTracked> purchases)
    {
        foreach (var purchase in purchases)
        {
            await Record(store, stream, purchase);
        }
    }
}
