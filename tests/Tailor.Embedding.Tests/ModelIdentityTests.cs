using Microsoft.Extensions.DependencyInjection;
using Tailor.Embedding.Interests;
using Tailor.Embedding.Model;
using Tailor.Embedding.Vectors;
using Tailor.Storage;

namespace Tailor.Embedding.Tests;

/// <summary>Vectors of another model, or of another version of this one, are never compared with this model's.</summary>
public sealed class ModelIdentityTests(ModelFixture model)
{
    [Fact]
    public async Task Item_vector_of_another_model_version_counts_as_none()
    {
        await using var host = await EmbeddingHarness.StartAsync(model.Embedder);
        var store = host.Services.GetRequiredService<ItemVectorStore>();
        var older = new ItemVector("22423", EmbeddingModels.MiniLm.Name, "1.0.0", model.Embed("REGENCY CAKESTAND 3 TIER"), TestMessages.Start);
        await host.Documents.PutAsync(EmbeddingNames.ItemsCollection, older.ItemId, older, TestContext.Current.CancellationToken);

        Assert.Null(await store.FindAsync("22423", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task User_interests_summed_from_another_model_start_over()
    {
        await using var host = await EmbeddingHarness.StartAsync(model.Embedder);
        var arcticState = UserInterestState.Empty(EmbeddingModels.ArcticXs)
            .Add([new InterestEvidence(TestMessages.Start, model.Embed("PARTY BUNTING"), 1, Guid.NewGuid())], TimeSpan.FromDays(30));
        await host.Documents.PutAsync(EmbeddingNames.UsersCollection, "17850", arcticState, TestContext.Current.CancellationToken);
        var vector = model.Embed("JUMBO BAG RED RETROSPOT");

        var updated = await host.Services.GetRequiredService<UserInterests>().AddAsync(
            "17850", Guid.NewGuid(), [new InterestEvidence(TestMessages.Start.AddHours(1), vector, 1, Guid.NewGuid())], TestContext.Current.CancellationToken);

        Assert.Equal((EmbeddingModels.MiniLm.Name, EmbeddingModels.MiniLm.Version, 1), (updated.Model, updated.ModelVersion, updated.EvidenceCount));
        VectorAssert.Close(vector, updated.Vector, 1e-5f);
        var profile = await host.Profiles.ReadAsync("17850", TestContext.Current.CancellationToken);
        Assert.Equal(EmbeddingModels.MiniLm.Version, profile!.Interests!.ModelVersion);
    }
}
