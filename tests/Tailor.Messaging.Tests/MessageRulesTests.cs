using Tailor.Contracts;
using Tailor.Messaging.Rules;

namespace Tailor.Messaging.Tests;

/// <summary>
/// What <see cref="MessageRules"/> refuses, field by field, against a fixed clock; the services' tests publish such
/// messages through their consumers and check the state they leave.
/// </summary>
public class MessageRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private static readonly EventTimeRange Times = EventTimeRange.From(new EventTimeOptions(), Now);
    private static readonly DateTimeOffset Year9999 = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Year1 = DateTimeOffset.MinValue;

    private static readonly UserActivityTracked Purchase = new(
        Guid.NewGuid(), "12583", Now.AddHours(-1), ActivityKinds.Purchase, "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 6, 2.55m, null, new Dictionary<string, string>());

    private static readonly CampaignRequested Campaign = new(
        Guid.NewGuid(), "christmas", Now, "Christmas", "Sell lights", ["12583"], Now.AddDays(1), Now.AddDays(8), GroupIds: ["acme"]);

    private static readonly UserIdentified Identify = new(
        Guid.NewGuid(), "12583", Now, "ada@example.com", "Ada", "United Kingdom", null, true, new Dictionary<string, string>());

    private static readonly EmailEngaged Open = new(Guid.NewGuid(), "12583", Now.AddMinutes(-5), Guid.NewGuid(), "christmas", EngagementKind.Open, null, null, false);

    public static TheoryData<string, object, string> Refused => new()
    {
        { "no event id", Purchase with { EventId = Guid.Empty }, "EventId: Must not be empty" },
        { "user id '..'", Purchase with { UserId = ".." }, "UserId: Must not be '.' or '..'" },
        { "user id with a control character", Purchase with { UserId = "12583\n" }, "UserId: Must not contain control characters." },
        { "user id of 257 characters", Purchase with { UserId = new string('u', 257) }, "UserId: Must be at most 256 characters." },
        { "dated 9999", Purchase with { OccurredAt = Year9999 }, "OccurredAt: 9999-12-31T00:00:00.0000000+00:00 is more than 1 day ahead" },
        { "dated year 1", Purchase with { OccurredAt = Year1 }, "OccurredAt: 0001-01-01T00:00:00.0000000+00:00 is before 2000-01-01" },
        { "no activity", Purchase with { Activity = null! }, "Activity: Must not be empty." },
        { "no properties", Purchase with { Properties = null! }, "Properties: Must be present; send an empty map for none." },
        { "a purchase without its item", Purchase with { ItemId = null }, "ItemId: A purchase must name its item." },
        { "item id '.'", Purchase with { ItemId = "." }, "ItemId: Must not be '.' or '..'" },
        { "a quantity of NaN", Purchase with { Quantity = double.NaN }, "Quantity: Is NaN; must be a finite number" },
        { "an infinite quantity", Purchase with { Quantity = double.PositiveInfinity }, "Quantity: Is Infinity; must be a finite number" },
        { "a negative price", Purchase with { Price = -2.55m }, "Price: Is -2.55; must be at least 0." },
        { "an identify without traits", new UserIdentified(Guid.NewGuid(), "12583", Now, "a@example.com", null, null, null, true, null!), "Traits: Must be present" },
        { "an identify dated 9999", new UserIdentified(Guid.NewGuid(), "12583", Year9999, "a@example.com", null, null, null, true, new Dictionary<string, string>()), "OccurredAt: 9999" },
        { "a consent withdrawn naming no user", Identify with { EmailConsent = false, UserId = " " }, "UserId: Must not be empty." },
        { "an identify whose email is no address", Identify with { Email = "ada at example.com" }, "Email: Must be an email address." },
        { "an identify whose email has a display name", Identify with { Email = "Ada <ada@example.com>" }, "Email: Must be an email address." },
        { "an identify whose first name is markup", Identify with { FirstName = "<b>Ada</b>" }, "FirstName: Must be plain text" },
        { "an identify whose country has a control character", Identify with { Country = "United\nKingdom" }, "Country: Must be plain text" },
        { "a group id '..'", new UserGrouped(Guid.NewGuid(), "12583", Now, "..", new Dictionary<string, string>()), "GroupId: Must not be '.' or '..'" },
        { "a device zone dated year 1", new DeviceTimeZoneObserved(Guid.NewGuid(), "12583", Year1, "Europe/Berlin"), "OccurredAt: 0001" },
        { "a catalog item dated 9999", new CatalogItemUpserted(Guid.NewGuid(), "85123A", Year9999, "Holder", null, 2.55m, null), "OccurredAt: 9999" },
        { "a catalog item with a negative price", new CatalogItemUpserted(Guid.NewGuid(), "85123A", Now, "Holder", null, -1m, null), "Price: Is -1; must be at least 0." },
        { "a catalog item without a title", new CatalogItemUpserted(Guid.NewGuid(), "85123A", Now, " ", null, 1m, null), "Title: Must not be empty." },
        { "a campaign id '..'", Campaign with { CampaignId = ".." }, "CampaignId: Must not be '.' or '..'" },
        { "a campaign without a name", Campaign with { Name = null! }, "Name: Must not be empty." },
        { "a campaign without a goal", Campaign with { Goal = "" }, "Goal: Must not be empty." },
        { "a campaign starting in year 1", Campaign with { SendWindowStart = Year1 }, "SendWindowStart: Must not be before 2000-01-01" },
        { "a campaign ending in 9999", Campaign with { SendWindowEnd = Year9999 }, "SendWindowEnd: Must be at most 365 days ahead of this server's clock" },
        { "a campaign ending before it starts", Campaign with { SendWindowEnd = Now }, "SendWindowEnd: Must be after start." },
        { "a campaign with a blank user id", Campaign with { UserIds = ["12583", " "] }, "UserIds[1]: Must not be empty" },
        { "a campaign with a group id '..'", Campaign with { GroupIds = [".."] }, "GroupIds[0]: Must not be '.' or '..'" },
        { "an open dated 9999", Open with { OccurredAt = Year9999 }, "OccurredAt: 9999" },
        { "an engagement of an unknown kind", Open with { Kind = (EngagementKind)42 }, "Kind: Is 42; must be one of Delivered, Open" },
        { "a click on item '..'", Open with { Kind = EngagementKind.Click, ItemId = ".." }, "ItemId: Must not be '.' or '..'" },
        { "an unsubscribe naming no user", Open with { Kind = EngagementKind.Unsubscribe, UserId = " " }, "UserId: Must not be empty." },
        { "an erasure naming no user", new UserErased(Guid.NewGuid(), "", Now), "UserId: Must not be empty." },
    };

    public static TheoryData<string, object> Accepted => new()
    {
        { "a purchase", Purchase },
        { "a return (negative quantity)", Purchase with { Quantity = -6 } },
        { "a view without an item", Purchase with { Activity = ActivityKinds.View, ItemId = null, Price = null } },
        { "old data (2010)", Purchase with { OccurredAt = new DateTimeOffset(2010, 12, 1, 8, 26, 0, TimeSpan.Zero) } },
        { "a campaign", Campaign },
        { "a campaign replayed in the past", Campaign with { SendWindowStart = new DateTimeOffset(2011, 12, 1, 0, 0, 0, TimeSpan.Zero), SendWindowEnd = new DateTimeOffset(2011, 12, 8, 0, 0, 0, TimeSpan.Zero) } },
        { "an identify", Identify },
        { "an identify with no contact details", Identify with { Email = null, FirstName = null, Country = null } },
        { "a consent withdrawn beside a malformed email (a stop is never lost to its contact details)", Identify with { EmailConsent = false, Email = "not an address", FirstName = "<b>Ada</b>" } },
        { "a consent withdrawn, dated 9999 (read as arriving instead)", Identify with { EmailConsent = false, OccurredAt = Year9999 } },
        { "an open", Open },
        { "an unsubscribe dated 9999", Open with { Kind = EngagementKind.Unsubscribe, OccurredAt = Year9999 } },
        { "a complaint with no event id and a user id '..'", Open with { Kind = EngagementKind.Complaint, EventId = Guid.Empty, UserId = ".." } },
        { "an erasure dated year 1", new UserErased(Guid.NewGuid(), "12583", Year1) },
        { "a message no rule names", new ModelTrainingRequested(Guid.Empty, Year9999, "") },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refuses(string because, object message, string problem)
    {
        Assert.Contains(problem, MessageRules.Problem(message, Times) ?? $"nothing refused ({because})", StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Accepts(string because, object message)
    {
        Assert.True(MessageRules.Problem(message, Times) is null, because);
    }

    [Fact]
    public void Names_every_problem_of_a_message()
    {
        var problem = MessageRules.Problem(Purchase with { UserId = "", OccurredAt = Year9999, Quantity = double.NaN }, Times);

        Assert.Equal(
            "UserId: Must not be empty; leave it out instead. OccurredAt: 9999-12-31T00:00:00.0000000+00:00 is more than 1 day ahead of this server's clock (Tailor:Ingestion:MaxFutureSkew); check the sender's clock. Quantity: Is NaN; must be a finite number (a return or cancellation is a negative one).",
            problem);
    }

    [Theory]
    [InlineData(EngagementKind.Unsubscribe)]
    [InlineData(EngagementKind.Complaint)]
    [InlineData(EngagementKind.HardBounce)]
    public void Reads_a_stop_dated_out_of_range_as_arriving_now(EngagementKind kind)
    {
        Assert.Equal(Now, MessageRules.StopReadAsArrived(Open with { Kind = kind, OccurredAt = Year9999 }, Times)?.OccurredAt);
        Assert.Equal(Now, MessageRules.StopReadAsArrived(Open with { Kind = kind, OccurredAt = Year1 }, Times)?.OccurredAt);
        Assert.Null(MessageRules.StopReadAsArrived(Open with { Kind = kind }, Times));
    }

    [Fact]
    public void Reads_an_identify_withdrawing_consent_dated_out_of_range_as_arriving_now()
    {
        Assert.Equal(Now, MessageRules.StopReadAsArrived(Identify with { EmailConsent = false, OccurredAt = Year9999 }, Times)?.OccurredAt);
        Assert.Equal(Now, MessageRules.StopReadAsArrived(Identify with { EmailConsent = false, OccurredAt = Year1 }, Times)?.OccurredAt);
        Assert.Null(MessageRules.StopReadAsArrived(Identify with { EmailConsent = false }, Times));
    }

    [Fact]
    public void Leaves_the_time_of_anything_but_a_stop_to_the_rules()
    {
        Assert.Null(MessageRules.StopReadAsArrived(Open with { OccurredAt = Year9999 }, Times));
        Assert.Null(MessageRules.StopReadAsArrived(Open with { Kind = EngagementKind.Resubscribe, OccurredAt = Year9999 }, Times));
        Assert.Null(MessageRules.StopReadAsArrived(Identify with { OccurredAt = Year9999 }, Times));
        Assert.Null(MessageRules.StopReadAsArrived(Identify with { EmailConsent = null, OccurredAt = Year9999 }, Times));
    }
}
