using Microsoft.Extensions.DependencyInjection;
using Tailor.Embedding.Model;

namespace Tailor.Embedding.Tests;

public sealed class SentenceEmbedderTests(ModelFixture model)
{
    private static readonly string[] Descriptions =
        TestMessages.RetailLines.Select(line => line.Description.Trim()).Distinct().Take(40).ToArray();

    [Fact]
    public void Embed_product_is_closer_to_its_paraphrase_than_to_an_unrelated_product()
    {
        var vectors = model.Embedder.Embed(
        [
            "WHITE HANGING HEART T-LIGHT HOLDER",
            "white heart shaped tea light candle holder to hang up",
            "KNITTED UNION FLAG HOT WATER BOTTLE",
        ]);

        var paraphrase = VectorAssert.Cosine(vectors[0], vectors[1]);
        var unrelated = VectorAssert.Cosine(vectors[0], vectors[2]);
        Assert.True(paraphrase > unrelated + 0.2f, $"paraphrase {paraphrase}, unrelated {unrelated}");
    }

    [Fact]
    public void Embed_returns_unit_length_vectors_of_384_dimensions()
    {
        var vectors = model.Embedder.Embed(Descriptions);

        Assert.Equal(Descriptions.Length, vectors.Count);
        Assert.All(vectors, vector =>
        {
            Assert.Equal(EmbeddingModels.MiniLm.Dimensions, vector.Length);
            VectorAssert.UnitLength(vector);
        });
    }

    [Fact]
    public void Embed_same_texts_twice_gives_the_same_vectors()
    {
        var first = model.Embedder.Embed(Descriptions);
        var second = model.Embedder.Embed(Descriptions);

        for (var i = 0; i < first.Count; i++)
        {
            VectorAssert.Close(first[i], second[i], 1e-6f);
        }
    }

    [Fact]
    public void Embed_batch_gives_the_same_vectors_as_one_at_a_time()
    {
        string[] texts = [.. Descriptions, "A much longer text than any product name, so the batch is padded well beyond the short ones."];

        var batched = model.Embedder.Embed(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            VectorAssert.Close(model.Embed(texts[i]), batched[i], 1e-4f);
        }
    }

    [Fact]
    public void Embed_text_longer_than_256_word_pieces_is_truncated()
    {
        var longText = string.Join(' ', Enumerable.Repeat(string.Join(' ', Descriptions), 4));
        var vectors = model.Embedder.Embed([longText, longText + " and then a final paragraph about submarines and volcanoes."]);

        VectorAssert.UnitLength(vectors[0]);
        // Only the first 254 word pieces count, so what comes after them changes nothing.
        VectorAssert.Close(vectors[0], vectors[1], 1e-5f);
    }

    [Fact]
    public void Embed_counts_the_word_piece_limit_with_the_special_tokens()
    {
        // "white hanging heart t - light" is 6 word pieces: with [CLS] and [SEP] that fills a limit of 8.
        using var services = ModelFixture.CreateServices(new EmbeddingOptions { MaxWordPieces = 8 });
        var shortLimit = services.GetRequiredService<SentenceEmbedder>();
        string[] texts = ["WHITE HANGING HEART T-LIGHT HOLDER", "WHITE HANGING HEART T-LIGHT CANDLE"];

        var truncated = shortLimit.Embed(texts);
        var whole = model.Embedder.Embed(texts);

        VectorAssert.Close(truncated[0], truncated[1], 1e-5f);
        Assert.True(VectorAssert.Cosine(whole[0], whole[1]) < 0.999f);
    }

    [Fact]
    public void Embed_empty_list_returns_no_vectors() => Assert.Empty(model.Embedder.Embed([]));
}
