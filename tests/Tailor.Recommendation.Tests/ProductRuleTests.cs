using Tailor.Recommendation.Catalog;

namespace Tailor.Recommendation.Tests;

public class ProductRuleTests
{
    [Theory]
    [InlineData("POST")]
    [InlineData("DOT")]
    [InlineData("M")]
    [InlineData("D")]
    [InlineData("C2")]
    [InlineData("CRUK")]
    [InlineData("PADS")]
    [InlineData("S")]
    [InlineData("B")]
    [InlineData("BANK CHARGES")]
    [InlineData("AMAZONFEE")]
    [InlineData("gift_0001_20")]
    public void IsProduct_fees_postage_and_vouchers_are_not_products(string code) =>
        Assert.False(ProductRule.IsProduct(code, 10m));

    [Fact]
    public void IsProduct_an_item_priced_zero_is_not_a_product() =>
        Assert.False(ProductRule.IsProduct("85123A", 0m));

    [Theory]
    [InlineData("85123A")]
    [InlineData("22423")]
    [InlineData("DCGS0003")]
    public void IsProduct_stock_codes_with_a_price_are_products(string code) =>
        Assert.True(ProductRule.IsProduct(code, 2.55m));
}
