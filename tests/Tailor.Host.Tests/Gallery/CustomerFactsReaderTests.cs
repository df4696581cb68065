using System.Text.Json;
using Tailor.Contracts;
using Tailor.Host.Demo.Gallery;
using Tailor.Profiles;

namespace Tailor.Host.Tests.Gallery;

public class CustomerFactsReaderTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void FromExport_groups_purchase_lines_into_orders_latest_first_and_keeps_the_profile_facts()
    {
        var profile = new UserProfile(
            "12348",
            new ContactSlice("customer-12348@example.com", null, "Finland", "Europe/Helsinki", true, DateTimeOffset.UnixEpoch),
            null,
            new TopicsSlice("v1", [0.8, 0.2], 0, "set red retrospot & cake cases", DateTimeOffset.UnixEpoch),
            new RecommendationsSlice("r1", [new RecommendedItem("21212", "PACK OF 72 RETROSPOT CAKE CASES", 0.55m, 0.9, "because you bought PACK OF 60 PINK PAISLEY CAKE CASES")], DateTimeOffset.UnixEpoch),
            SendTimeStoryTests.SliceWithPeaks((60, 10)) with { TimeZone = "Europe/Helsinki" });
        var export = JsonSerializer.SerializeToElement(new
        {
            userId = "12348",
            profile,
            events = new object[]
            {
                Event(Purchase("537626", new DateTimeOffset(2010, 12, 7, 14, 57, 0, TimeSpan.Zero), "22375", "AIRLINE BAG VINTAGE JET SET BROWN", 4)),
                Event(Purchase("537626", new DateTimeOffset(2010, 12, 7, 14, 57, 0, TimeSpan.Zero), "22727", "ALARM CLOCK BAKELIKE RED", 4)),
                Event(Purchase("542237", new DateTimeOffset(2011, 1, 26, 14, 30, 0, TimeSpan.Zero), "84969", "BOX OF 6 ASSORTED COLOUR TEASPOONS", 6)),
                Event(new UserActivityTracked(Guid.NewGuid(), "12348", DateTimeOffset.UnixEpoch, ActivityKinds.View, "22727", "ALARM CLOCK BAKELIKE RED", 1, null, null, new Dictionary<string, string>())),
                new { eventId = Guid.NewGuid(), type = nameof(UserIdentified), occurredAt = DateTimeOffset.UnixEpoch, payload = new { userId = "12348" } },
            },
        }, Web);

        var facts = CustomerFactsReader.FromExport("12348", export);

        Assert.Equal("Finland", facts.Country);
        Assert.Equal("set red retrospot & cake cases", facts.Topic);
        Assert.Equal(2, facts.OrderCount);
        Assert.Equal(["542237", "537626"], facts.RecentOrders.Select(order => order.OrderId));
        Assert.Equal(["AIRLINE BAG VINTAGE JET SET BROWN", "ALARM CLOCK BAKELIKE RED"], facts.RecentOrders[1].Lines.Select(line => line.Name));
        Assert.Equal("because you bought PACK OF 60 PINK PAISLEY CAKE CASES", facts.Recommendations.Single(item => item.ItemId == "21212").Reason);
        // Shown as the email words it, not as the recommender's raw note.
        Assert.StartsWith("Because you bought pack of 60 pink paisley cake cases", facts.ReasonFor("21212"), StringComparison.Ordinal);
        Assert.Null(facts.ReasonFor("unknown"));
        Assert.Equal("Europe/Helsinki", facts.SendTime?.TimeZone);
        Assert.Equal(60, facts.SendTime?.BestHourOfWeek);
    }

    [Fact]
    public void FromExport_of_a_customer_without_profile_or_events_has_no_facts()
    {
        var facts = CustomerFactsReader.FromExport("new", JsonSerializer.SerializeToElement(new { userId = "new", profile = (object?)null, events = Array.Empty<object>() }, Web));

        Assert.Equal(CustomerFacts.Unknown("new") with { RecentOrders = facts.RecentOrders, Recommendations = facts.Recommendations }, facts);
        Assert.Empty(facts.RecentOrders);
        Assert.Empty(facts.Recommendations);
    }

    private static UserActivityTracked Purchase(string orderId, DateTimeOffset at, string itemId, string name, double quantity) =>
        new(Guid.NewGuid(), "12348", at, ActivityKinds.Purchase, itemId, name, quantity, 1.25m, null,
            new Dictionary<string, string> { ["order_id"] = orderId, ["event"] = "Order Completed" });

    private static object Event(UserActivityTracked activity) =>
        new { eventId = activity.EventId, type = nameof(UserActivityTracked), occurredAt = activity.OccurredAt, payload = activity };
}
