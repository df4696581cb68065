using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tailor.Contracts;
using Tailor.Ingestion.Mapping;
using Tailor.Storage;

namespace Tailor.Ingestion.Tests;

public sealed class StoreFailureTests
{
    [Fact]
    public async Task Track_when_the_store_fails_answers_503_and_publishes_nothing()
    {
        await using var app = await IngestionApp.StartAsync(services => services.Replace(ServiceDescriptor.Singleton<IEventStore, UnreachableEventStore>()));

        using var response = await app.PostAsync("/v1/track", new { userId = "17850", @event = "Cart Viewed" });

        Assert.Equal("Ingestion is unavailable", await Problems.TitleAsync(response, HttpStatusCode.ServiceUnavailable));
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Empty(app.Published<UserActivityTracked>());
    }

    [Fact]
    public async Task Track_retry_after_a_failed_publish_publishes_the_stored_event_once()
    {
        await using var app = await IngestionApp.StartAsync();
        var call = new { userId = "17850", @event = "Product Viewed", messageId = "view-7", properties = new { product_id = "85123A" } };

        // The first attempt stored the event, then the bus failed before publishing it (the caller got 503).
        var stored = new UserActivityTracked(
            EventIds.From("track:message:view-7", 0), "17850", IngestionApp.Now, ActivityKinds.View, "85123A", null, 1, null, null,
            new Dictionary<string, string>());
        Assert.True(await app.Events.RecordAsync("ingestion", stored, TestContext.Current.CancellationToken));

        using var retry = await app.PostAsync("/v1/track", call);
        using var secondRetry = await app.PostAsync("/v1/track", call);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondRetry.StatusCode);
        Assert.Equal(stored.EventId, Assert.Single(app.Published<UserActivityTracked>()).EventId);
    }

    private sealed class UnreachableEventStore : IEventStore
    {
        public Task<bool> AppendAsync(StoredEvent storedEvent, CancellationToken cancellationToken = default) =>
            throw new IOException("the event store is unreachable");

        public Task<bool> ContainsAsync(string stream, Guid eventId, CancellationToken cancellationToken = default) =>
            throw new IOException("the event store is unreachable");

        public IAsyncEnumerable<StoredEvent> ReadAsync(EventQuery query, CancellationToken cancellationToken = default) =>
            throw new IOException("the event store is unreachable");

        public Task<long> CountAsync(string stream, CancellationToken cancellationToken = default) =>
            throw new IOException("the event store is unreachable");

        public Task<long> DeleteUserAsync(string userId, CancellationToken cancellationToken = default) =>
            throw new IOException("the event store is unreachable");
    }
}
