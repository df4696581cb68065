using Microsoft.Extensions.DependencyInjection;
using Tailor.Contracts;
using Tailor.Embedding.Interests;
using Tailor.Embedding.Vectors;
using Tailor.Storage;
using Tailor.Testing;

namespace Tailor.Embedding.Tests;

public sealed class UserErasedConsumerTests(ModelFixture model)
{
    [Fact]
    public async Task Consume_user_erased_removes_the_interest_state_the_slice_and_every_event_Embedding_recorded_of_the_user()
    {
        await using var host = await EmbeddingHarness.StartAsync(model.Embedder);
        var ct = TestContext.Current.CancellationToken;
        await host.Harness.Bus.Publish(TestMessages.Activity("17850", ActivityKinds.Purchase, "85123A", "WHITE HANGING HEART T-LIGHT HOLDER"), ct);
        await host.Harness.Bus.Publish(TestMessages.Activity("13047", ActivityKinds.Purchase, "22752", "SET 7 BABUSHKA NESTING BOXES"), ct);
        await host.WaitForConsumedAtLeastAsync<UserActivityTracked>(2);
        await host.Harness.Bus.Publish(TestMessages.Click("17850", "85123A"), ct);
        await host.WaitForConsumedAtLeastAsync<EmailEngaged>(1);
        Assert.Equal(2, await EventsOfAsync(host, "17850"));
        Assert.NotNull((await host.Profiles.ReadAsync("17850", ct))?.Interests);

        await host.Harness.Bus.Publish(new UserErased(Guid.NewGuid(), "17850", TestMessages.Start), ct);
        await host.WaitForConsumedAtLeastAsync<UserErased>(1);

        Assert.Null(await host.Documents.FindAsync<UserInterestState>(EmbeddingNames.UsersCollection, "17850", ct));
        // The slice too: one written after Ingestion removed the profile (a late event, a rebuild) must not outlive it.
        Assert.Null((await host.Profiles.ReadAsync("17850", ct))?.Interests);
        // The purchase and the click Embedding recorded: nothing of the user stays in its store.
        Assert.Equal(0, await EventsOfAsync(host, "17850"));

        // Only that user.
        Assert.Equal(1, await EventsOfAsync(host, "13047"));
        Assert.NotNull(await host.Documents.FindAsync<UserInterestState>(EmbeddingNames.UsersCollection, "13047", ct));
        Assert.False(await host.FaultPublishedAsync<UserErased>());
    }

    /// <summary>
    /// In the embedded mode every service shares one store, and Ingestion's erasure (or another service's) may delete
    /// the user's events before Embedding's consumer reads them: the vectors of what the user typed are still found, through
    /// the keys the interest state remembers, and leave the cache.
    /// </summary>
    [Fact]
    public async Task Consume_user_erased_removes_the_vectors_of_the_users_texts_when_their_events_were_deleted_first()
    {
        await using var host = await EmbeddingHarness.StartAsync(model.Embedder);
        var ct = TestContext.Current.CancellationToken;
        const string typed = "a gift for my sister who loves knitting";
        await host.Harness.Bus.Publish(TestMessages.Activity("17850", ActivityKinds.Text, text: typed), ct);
        await host.WaitForConsumedAtLeastAsync<UserActivityTracked>(1);
        var texts = host.Services.GetRequiredService<TextVectors>();
        var cached = (await texts.EmbedAsync([typed], ct))[0];
        // Cached: the same array comes back without a model run.
        Assert.Same(cached, (await texts.EmbedAsync([typed], ct))[0]);

        await host.Events.DeleteUserAsync("17850", ct);
        await host.Harness.Bus.Publish(new UserErased(Guid.NewGuid(), "17850", TestMessages.Start), ct);
        await host.WaitForConsumedAtLeastAsync<UserErased>(1);

        var afterwards = (await texts.EmbedAsync([typed], ct))[0];
        Assert.NotSame(cached, afterwards);
        Assert.Null(await host.Documents.FindAsync<UserInterestState>(EmbeddingNames.UsersCollection, "17850", ct));
        Assert.False(await host.FaultPublishedAsync<UserErased>());
    }

    private static Task<int> EventsOfAsync(ConsumerHarness host, string userId) =>
        host.Events.ReadAsync(new EventQuery(EmbeddingNames.Stream) { UserId = userId }, TestContext.Current.CancellationToken).CountAsync(TestContext.Current.CancellationToken).AsTask();
}
