using Tailor.Recommendation.Content;

namespace Tailor.Recommendation.Tests;

/// <summary>Exact nearest-neighbour search over real item vectors, checked against a plain loop.</summary>
public sealed class NearestItemsTests(RealItemVectors model)
{
    private static readonly (string Id, string Title)[] Catalog =
    [
        ("85123A", "WHITE HANGING HEART T-LIGHT HOLDER"),
        ("71053", "WHITE METAL LANTERN"),
        ("22423", "REGENCY CAKESTAND 3 TIER"),
        ("21212", "PACK OF 72 RETROSPOT CAKE CASES"),
        ("22960", "JAM MAKING SET WITH JARS"),
        ("84879", "ASSORTED COLOUR BIRD ORNAMENT"),
        ("22086", "PAPER CHAIN KIT 50'S CHRISTMAS"),
        ("23084", "RABBIT NIGHT LIGHT"),
    ];

    [Fact]
    public void Search_finds_the_items_closest_in_meaning_best_first()
    {
        var index = IndexOfCatalog();

        var found = index.Search(model.Embed("tea light candle holder shaped like a heart"), count: 3);

        Assert.Equal("85123A", found[0].ItemId);
        Assert.Equal(3, found.Count);
        Assert.True(found[0].Score >= found[1].Score && found[1].Score >= found[2].Score);
    }

    [Fact]
    public void Searching_many_queries_at_once_agrees_with_a_plain_loop_for_each()
    {
        var index = IndexOfCatalog();
        var vectors = Catalog.ToDictionary(item => item.Id, item => model.Embed(item.Title));
        float[][] queries = [model.Embed("baking cakes for a tea party"), model.Embed("a lantern for the garden"), model.Embed("christmas")];

        var found = index.SearchMany(queries, count: 4);

        Assert.Equal(queries.Length, found.Count);
        foreach (var (query, result) in queries.Zip(found))
        {
            var expected = vectors
                .Select(item => (item.Key, Score: item.Value.Zip(query, (a, b) => a * b).Sum()))
                .OrderByDescending(item => item.Score)
                .Take(4)
                .ToList();
            Assert.Equal(expected.Select(item => item.Key), result.Select(item => item.ItemId));
            Assert.All(result.Zip(expected), pair => Assert.Equal(pair.Second.Score, pair.First.Score, precision: 4));
            Assert.Equal(result.Select(item => item.ItemId), index.Search(query, count: 4).Select(item => item.ItemId));
        }
    }

    [Theory]
    [InlineData(1, 384)]
    [InlineData(7, 384)]
    [InlineData(9, 19)]
    public void Row_scores_agree_with_a_plain_loop_whatever_the_rows_and_length(int rowCount, int dimensions)
    {
        var random = new Random(rowCount * 1000 + dimensions);
        var rows = Enumerable.Range(0, rowCount * dimensions).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var query = Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var scores = new float[rowCount];

        RowScores.Dot(rows, query, scores);

        for (var row = 0; row < rowCount; row++)
        {
            var expected = rows.Skip(row * dimensions).Take(dimensions).Zip(query, (a, b) => (double)a * b).Sum();
            Assert.Equal(expected, scores[row], precision: 4);
        }
    }

    [Fact]
    public void Searching_a_catalog_of_several_blocks_finds_what_a_plain_loop_finds()
    {
        var random = new Random(7);
        const int Dimensions = 24;
        var index = new NearestItems(Dimensions);
        var vectors = Enumerable.Range(0, 203).ToDictionary(item => $"item-{item}", _ => UnitVector(random, Dimensions));
        foreach (var (id, vector) in vectors)
        {
            index.Upsert(id, vector);
        }

        float[][] queries = [UnitVector(random, Dimensions), UnitVector(random, Dimensions)];
        var found = index.SearchMany(queries, count: 10);

        foreach (var (query, result) in queries.Zip(found))
        {
            var expected = vectors
                .OrderByDescending(item => item.Value.Zip(query, (a, b) => (double)a * b).Sum())
                .Take(10)
                .Select(item => item.Key);
            Assert.Equal(expected, result.Select(item => item.ItemId));
        }
    }

    [Fact]
    public void Upsert_replaces_a_vector_and_grows_past_its_capacity()
    {
        var index = new NearestItems(model.Model.Dimensions, capacity: 2);
        foreach (var (id, title) in Catalog)
        {
            index.Upsert(id, model.Embed(title));
        }

        index.Upsert("23084", model.Embed("WHITE HANGING HEART T-LIGHT HOLDER"));

        Assert.Equal(Catalog.Length, index.Count);
        var found = index.Search(model.Embed("WHITE HANGING HEART T-LIGHT HOLDER"), count: 2);
        Assert.Equal(["23084", "85123A"], found.Select(item => item.ItemId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_vector_of_another_length_is_refused()
    {
        var index = new NearestItems(model.Model.Dimensions);

        Assert.Throws<ArgumentException>(() => index.Upsert("85123A", new float[8]));
        Assert.Throws<ArgumentException>(() => index.Search(new float[8], count: 1));
    }

    private NearestItems IndexOfCatalog()
    {
        var index = new NearestItems(model.Model.Dimensions);
        foreach (var (id, title) in Catalog)
        {
            index.Upsert(id, model.Embed(title));
        }

        return index;
    }

    private static float[] UnitVector(Random random, int dimensions)
    {
        var vector = Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var norm = MathF.Sqrt(vector.Sum(value => value * value));
        return [.. vector.Select(value => value / norm)];
    }
}
