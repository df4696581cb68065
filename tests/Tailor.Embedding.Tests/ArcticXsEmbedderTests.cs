using Microsoft.Extensions.DependencyInjection;
using Tailor.Embedding.Model;

namespace Tailor.Embedding.Tests;

/// <summary>The real snowflake-arctic-embed-xs, selected by configuration instead of the default model.</summary>
public sealed class ArcticXsEmbedderTests(ModelFixture miniLm) : IDisposable
{
    private readonly ServiceProvider _services =
        ModelFixture.CreateServices(new EmbeddingOptions { Model = EmbeddingModels.ArcticXsName });

    private SentenceEmbedder Embedder => _services.GetRequiredService<SentenceEmbedder>();

    [Fact]
    public void Embed_product_is_closer_to_its_paraphrase_than_to_an_unrelated_product()
    {
        var vectors = Embedder.Embed(
        [
            "WHITE HANGING HEART T-LIGHT HOLDER",
            "white heart shaped tea light candle holder to hang up",
            "KNITTED UNION FLAG HOT WATER BOTTLE",
        ]);

        var paraphrase = VectorAssert.Cosine(vectors[0], vectors[1]);
        var unrelated = VectorAssert.Cosine(vectors[0], vectors[2]);
        Assert.True(paraphrase > unrelated + 0.1f, $"paraphrase {paraphrase}, unrelated {unrelated}");
    }

    [Fact]
    public void Embed_gives_unit_length_vectors_that_are_the_same_batched_or_one_at_a_time()
    {
        string[] texts = ["REGENCY CAKESTAND 3 TIER", "PARTY BUNTING", "A paragraph about a cake stand with three tiers, bought for a garden party."];

        var batched = Embedder.Embed(texts);

        Assert.Equal(EmbeddingModels.ArcticXs, Embedder.Model);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(EmbeddingModels.ArcticXs.Dimensions, batched[i].Length);
            VectorAssert.UnitLength(batched[i]);
            VectorAssert.Close(Embedder.Embed([texts[i]])[0], batched[i], 1e-4f);
        }
    }

    [Fact]
    public void Embed_vectors_are_not_the_default_models()
    {
        const string Text = "JUMBO BAG RED RETROSPOT";

        var arctic = Embedder.Embed([Text])[0];
        var miniLmVector = miniLm.Embed(Text);

        // Same shape, different space: this is why vectors carry their model and are never compared across models.
        Assert.True(VectorAssert.Cosine(arctic, miniLmVector) < 0.9f);
    }

    public void Dispose() => _services.Dispose();
}
