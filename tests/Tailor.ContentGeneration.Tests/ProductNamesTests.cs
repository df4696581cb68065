using Tailor.ContentGeneration.Copy;

namespace Tailor.ContentGeneration.Tests;

public sealed class ProductNamesTests
{
    [Theory]
    [InlineData("PACK OF 72 RETROSPOT CAKE CASES", "Pack of 72 Retrospot cake cases")]
    [InlineData("WHITE HANGING HEART T-LIGHT HOLDER", "White hanging heart T-light holder")]
    [InlineData("T-LIGHT HOLDER", "T-light holder")]
    [InlineData("RED WOOLLY HOTTIE WHITE HEART.", "Red woolly hottie white heart")]
    [InlineData("SET/3 RED GINGHAM ROSE STORAGE BOX", "Set/3 red gingham rose storage box")]
    [InlineData("S/3 PINK SPOTTY BOWLS", "S/3 pink spotty bowls")]
    [InlineData("DOORMAT UNION JACK GUNS AND ROSES", "Doormat Union Jack guns and roses")]
    [InlineData("PAPER CHAIN KIT 50'S CHRISTMAS ", "Paper chain kit 50's Christmas")]
    [InlineData("HANGING JAM JAR T-LIGHT HOLDER 12CM", "Hanging jam jar T-light holder 12cm")]
    [InlineData("FAIRY LIGHTS 2M LED", "Fairy lights 2m LED")]
    [InlineData("REGENCY CAKESTAND 3 TIER", "Regency cakestand 3 tier")]
    [InlineData("I LOVE LONDON MINI BACKPACK", "I love London mini backpack")]
    [InlineData("3D CHRISTMAS STAMPS STICKERS", "3D Christmas stamps stickers")]
    [InlineData("RETROSPOT/POLKADOT TEA TOWEL", "Retrospot/polkadot tea towel")]
    [InlineData("Hand warmer, owl design", "Hand warmer, owl design")]
    [InlineData("AIRLINE LOUNGE,METAL SIGN", "Airline lounge, metal sign")]
    [InlineData("CARD HOLDER,2 PACK", "Card holder, 2 pack")]
    [InlineData("GIFT VOUCHER 1,000 POINTS", "Gift voucher 1,000 points")]
    [InlineData("  ", "")]
    public void Natural_writes_catalog_capitals_as_a_copywriter_would(string catalog, string expected)
    {
        Assert.Equal(expected, ProductNames.Natural(catalog));
    }

    [Theory]
    [InlineData("PACK OF 72 RETROSPOT CAKE CASES", "pack of 72 Retrospot cake cases")]
    [InlineData("T-LIGHT HOLDER", "T-light holder")]
    [InlineData("CHRISTMAS CRAFT TREE TOP ANGEL", "Christmas craft tree top angel")]
    [InlineData("S/3 PINK SPOTTY BOWLS", "S/3 pink spotty bowls")]
    [InlineData("Hand warmer", "Hand warmer")]
    public void InSentence_keeps_the_first_word_lower_case_unless_it_is_a_name_or_a_code(string catalog, string expected)
    {
        Assert.Equal(expected, ProductNames.InSentence(catalog));
    }

    [Fact]
    public void Natural_leaves_no_word_in_capitals_but_codes_and_abbreviations_over_real_catalog_names()
    {
        foreach (var item in OnlineRetailProducts.First(40))
        {
            var natural = ProductNames.Natural(item.Title);
            Assert.All(natural.Split(' ', StringSplitOptions.RemoveEmptyEntries), word =>
                Assert.True(!word.All(char.IsUpper) || word.Length == 1 || ProductNames.MayBeCapitals(word), $"'{word}' in capitals in '{natural}'"));
            Assert.Equal(item.Title.Trim().TrimEnd('.').TrimEnd(), natural, ignoreCase: true);
        }
    }
}
