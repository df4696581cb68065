using Tailor.Recommendation.Catalog;
using Tailor.Recommendation.Scoring;

namespace Tailor.Recommendation.Tests;

public sealed class ProductVariantsTests
{
    [Theory]
    [InlineData("PACK OF 60 PINK PAISLEY CAKE CASES", "PACK OF 72 BLUE PAISLEY CAKE CASES")]
    [InlineData("60 TEATIME FAIRY CAKE CASES", "PACK OF 72 TEATIME FAIRY CAKE CASES")]
    [InlineData("REGENCY CAKESTAND 3 TIER", "REGENCY CAKESTAND 2 TIER")]
    [InlineData("JUMBO BAG RED RETROSPOT", "JUMBO BAG PINK RETROSPOT")]
    [InlineData("SMALL WHITE HEART OF WICKER", "LARGE WHITE HEART OF WICKER")]
    [InlineData("SET/3 RED GINGHAM ROSE STORAGE BOX", "SET/5 RED GINGHAM ROSE STORAGE BOX")]
    [InlineData("HANGING JAM JAR T-LIGHT HOLDER 12CM", "HANGING JAM JAR T-LIGHT HOLDER 8CM")]
    [InlineData("CLOTHES PEGS RETROSPOT PACK 24", "CLOTHES PEGS RETROSPOT PACK 12")]
    public void AreVariants_is_true_for_one_product_in_another_colour_size_or_pack(string first, string second)
    {
        Assert.True(ProductVariants.AreVariants(first, second), $"{ProductVariants.Key(first)} vs {ProductVariants.Key(second)}");
    }

    [Theory]
    [InlineData("PACK OF 72 RETROSPOT CAKE CASES", "PACK OF 60 DINOSAUR CAKE CASES")]
    [InlineData("JUMBO BAG RED RETROSPOT", "LUNCH BAG RED RETROSPOT")]
    [InlineData("WHITE HANGING HEART T-LIGHT HOLDER", "WHITE HANGING STAR T-LIGHT HOLDER")]
    [InlineData("Product 1", "Product 2")]
    [InlineData("Item a1", "Item a2")]
    [InlineData("SET OF 3", "SET OF 6 SPICE TINS")]
    public void AreVariants_is_false_for_different_products(string first, string second)
    {
        Assert.False(ProductVariants.AreVariants(first, second), $"{ProductVariants.Key(first)} vs {ProductVariants.Key(second)}");
    }

    [Fact]
    public void Select_keeps_one_variant_of_each_product_whatever_lambda()
    {
        // Items 0 and 1 are one product in two colours; 2 is another product.
        var families = new ProductFamilies(["JUMBO BAG RED RETROSPOT", "JUMBO BAG PINK RETROSPOT", "LUNCH BAG RED RETROSPOT", null]);
        float[] scores = [1.0f, 0.99f, 0.5f, 0.4f];

        Assert.Equal([0, 2, 3], DiversityReranking.Select([0, 1, 2, 3], scores, (_, _) => 0f, count: 3, lambda: 1, families));
        Assert.Equal([0, 2, 3], DiversityReranking.Select([0, 1, 2, 3], scores, (_, _) => 0f, count: 3, lambda: 0.9, families));
        Assert.Equal([0, 1, 2], DiversityReranking.Select([0, 1, 2, 3], scores, (_, _) => 0f, count: 3, lambda: 1));
    }
}
