using Tailor.Topic.Modeling;

namespace Tailor.Topic.Tests;

public class UserDocumentBuilderTests
{
    [Fact]
    public void Build_names_items_from_the_activity_else_the_catalog_and_adds_what_users_wrote()
    {
        var builder = new UserDocumentBuilder(new Dictionary<string, string> { ["22423"] = "REGENCY CAKESTAND 3 TIER" });

        builder.Add(Fixtures.Purchase("u2", "85123A", "WHITE HANGING HEART T-LIGHT HOLDER"));
        builder.Add(Fixtures.Purchase("u1", "22423", name: null));
        builder.Add(Fixtures.Wrote("u1", "Looking for a birthday present"));
        builder.Add(Fixtures.Purchase("u1", "UNKNOWN", name: null));

        var documents = builder.Build();

        Assert.Equal(["u1", "u2"], documents.Select(document => document.UserId));
        Assert.Equal("REGENCY CAKESTAND 3 TIER. Looking for a birthday present. ", documents[0].Text);
        Assert.Equal("WHITE HANGING HEART T-LIGHT HOLDER. ", documents[1].Text);
    }
}
