using Tailor.Contracts;
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

    [Fact]
    public void Build_leaves_out_returned_and_cancelled_purchases_but_keeps_views()
    {
        var builder = new UserDocumentBuilder(new Dictionary<string, string>());

        builder.Add(Fixtures.Purchase("u1", "22423", "REGENCY CAKESTAND 3 TIER") with { Quantity = -2 });
        builder.Add(Fixtures.Purchase("u1", "85123A", "WHITE HANGING HEART T-LIGHT HOLDER") with { Quantity = 0 });
        builder.Add(Fixtures.Purchase("u1", "84879", "ASSORTED COLOUR BIRD ORNAMENT"));
        builder.Add(Fixtures.Purchase("u2", "22423", "REGENCY CAKESTAND 3 TIER") with { Quantity = -1 });
        builder.Add(Fixtures.Purchase("u3", "22720", "SET OF 3 CAKE TINS PANTRY DESIGN") with { Activity = ActivityKinds.View, Quantity = 0 });

        var documents = builder.Build();

        Assert.Equal(["u1", "u3"], documents.Select(document => document.UserId));
        Assert.Equal("ASSORTED COLOUR BIRD ORNAMENT. ", documents[0].Text);
        Assert.Equal("SET OF 3 CAKE TINS PANTRY DESIGN. ", documents[1].Text);
    }
}
