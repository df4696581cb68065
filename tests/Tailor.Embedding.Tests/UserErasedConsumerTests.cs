using Microsoft.Extensions.DependencyInjection;
using Tailor.Contracts;
using Tailor.Embedding.Interests;
using Tailor.Storage;

namespace Tailor.Embedding.Tests;

public sealed class UserErasedConsumerTests(ModelFixture model)
{
    [Fact]
    public async Task Consume_user_erased_removes_the_interest_state_and_the_interests_slice()
    {
        await using var host = await EmbeddingTestHost.StartAsync(model.Embedder);
        var evidence = new InterestEvidence(TestMessages.Start, model.Embed("JUMBO BAG RED RETROSPOT"), EvidenceWeights.Purchase, Guid.NewGuid());
        await host.Services.GetRequiredService<UserInterests>().AddAsync("17850", Guid.NewGuid(), [evidence], TestContext.Current.CancellationToken);
        Assert.NotNull((await host.Profiles.ReadAsync("17850", TestContext.Current.CancellationToken))?.Interests);

        await host.Harness.Bus.Publish(new UserErased(Guid.NewGuid(), "17850", TestMessages.Start), TestContext.Current.CancellationToken);
        await host.WaitForConsumedAsync<UserErased>(1);

        Assert.Null(await host.Documents.FindAsync<UserInterestState>(
            EmbeddingNames.UsersCollection, "17850", TestContext.Current.CancellationToken));
        // The slice too: one written after Ingestion removed the profile (a late event, a rebuild) must not outlive it.
        Assert.Null((await host.Profiles.ReadAsync("17850", TestContext.Current.CancellationToken))?.Interests);
        Assert.False(await host.FaultPublishedAsync<UserErased>());
    }
}
