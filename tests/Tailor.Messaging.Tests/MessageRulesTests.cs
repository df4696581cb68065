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
    private static readonly int MaxProperties = new PropertyCountOptions().MaxPropertiesPerCall;
    private static readonly DateTimeOffset Year9999 = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Year1 = DateTimeOffset.MinValue;

    private static readonly UserActivityTracked Purchase = new(
        Guid.NewGuid(), "12583", Now.AddHours(-1), ActivityKinds.Purchase, "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 6, 2.55m, null, new Dictionary<string, string>());

    private static readonly CampaignRequested Campaign = new(
        Guid.NewGuid(), "christmas", Now, "Christmas", "Sell lights", ["12583"], Now.AddDays(1), Now.AddDays(8), GroupIds: ["acme"]);

    private static readonly UserIdentified Identify = new(
        Guid.NewGuid(), "12583", Now, "ada@example.com", "Ada", "United Kingdom", null, true, new Dictionary<string, string>());

    private static readonly EmailEngaged Open = new(Guid.NewGuid(), "12583", Now.AddMinutes(-5), Guid.NewGuid(), "christmas", EngagementKind.Open, null, null, false);

    private static readonly UserGrouped Group = new(Guid.NewGuid(), "12583", Now, "acme", new Dictionary<string, string>());

    private static readonly DeviceTimeZoneObserved DeviceZone = new(Guid.NewGuid(), "12583", Now, "Europe/London");

    private static readonly CatalogItemUpserted Item = new(
        Guid.NewGuid(), "85123A", Now, "WHITE HANGING HEART T-LIGHT HOLDER", "A heart-shaped holder.", 2.55m, "Lights", "https://shop.example.com/products/85123A");

    private static readonly ItemEmbedded Embedded = new(Guid.NewGuid(), "85123A", Now, "all-MiniLM-L6-v2", "1.0.0", [0.6f, 0.8f]);

    private static readonly UserInterestsUpdated Interests = new(Guid.NewGuid(), "12583", Now, "all-MiniLM-L6-v2", "1.0.0", [0.6f, 0.8f], EvidenceCount: 3);

    private static readonly UserTopicsUpdated Topics = new(Guid.NewGuid(), "12583", Now, "lda-1", [0.25, 0.75], 1, "t-light holder & hanging heart");

    private static readonly RecommenderTrained Trained = new(
        Guid.NewGuid(), Now, "als-1", 100, 40, 1_000, TimeSpan.FromSeconds(3), null, Bestsellers: [new RecommendedItem("85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 2.55m, 0.9, "popular")]);

    /// <summary>Each text field held to a length, as <c>Message.Field</c>, and the longest it may be: what Ingestion accepts on HTTP.</summary>
    public static TheoryData<string, int> TextLimits => new()
    {
        { "UserActivityTracked.Activity", FieldLengths.Name },
        { "UserActivityTracked.ItemName", FieldLengths.Title },
        { "UserActivityTracked.Text", FieldLengths.Text },
        { "UserIdentified.FirstName", FieldLengths.Name },
        { "UserIdentified.Country", FieldLengths.Name },
        { "UserIdentified.TimeZone", FieldLengths.Name },
        { "DeviceTimeZoneObserved.TimeZone", FieldLengths.Name },
        { "CatalogItemUpserted.Title", FieldLengths.Title },
        { "CatalogItemUpserted.Description", FieldLengths.Description },
        { "CatalogItemUpserted.Category", FieldLengths.Category },
        { "CatalogItemUpserted.Url", FieldLengths.Url },
        { "CampaignRequested.Name", FieldLengths.Name },
        { "CampaignRequested.Goal", FieldLengths.Goal },
        { "CampaignRequested.DominantTopic", FieldLengths.Name },
        { "EmailEngaged.Url", FieldLengths.Text },
    };

    /// <summary>Each property map held to a count, and the most fields it may hold with the default settings.</summary>
    public static TheoryData<string, int> MapLimits => new()
    {
        { "UserIdentified.Traits", 300 },
        { "UserGrouped.Traits", 300 },
        // The call's 300 and the event's name, or a page's name and category, which Ingestion adds.
        { "UserActivityTracked.Properties", 302 },
    };

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
        { "an identify whose time zone is markup", Identify with { TimeZone = "<i>Europe/London</i>" }, "TimeZone: Must be plain text" },
        { "an identify whose email is over-long", Identify with { Email = new string('a', 321) }, "Email: Must be at most 320 characters." },
        { "a device zone with a control character", DeviceZone with { TimeZone = "Europe/London\n" }, "TimeZone: Must be plain text" },
        { "a campaign whose dominant topic is markup", Campaign with { DominantTopic = "<b>lights</b>" }, "DominantTopic: Must be plain text" },
        { "a group id '..'", new UserGrouped(Guid.NewGuid(), "12583", Now, "..", new Dictionary<string, string>()), "GroupId: Must not be '.' or '..'" },
        { "a device zone dated year 1", new DeviceTimeZoneObserved(Guid.NewGuid(), "12583", Year1, "Europe/Berlin"), "OccurredAt: 0001" },
        { "a catalog item dated 9999", new CatalogItemUpserted(Guid.NewGuid(), "85123A", Year9999, "Holder", null, 2.55m, null), "OccurredAt: 9999" },
        { "a catalog item with a negative price", new CatalogItemUpserted(Guid.NewGuid(), "85123A", Now, "Holder", null, -1m, null), "Price: Is -1; must be at least 0." },
        { "a catalog item without a title", new CatalogItemUpserted(Guid.NewGuid(), "85123A", Now, " ", null, 1m, null), "Title: Must not be empty." },
        { "a catalog item whose page is a script", Item with { Url = "javascript:alert(1)" }, "Url: Must be an absolute http or https URL" },
        { "a catalog item whose page is a relative path", Item with { Url = "/products/85123A" }, "Url: Must be an absolute http or https URL" },
        { "a campaign id '..'", Campaign with { CampaignId = ".." }, "CampaignId: Must not be '.' or '..'" },
        { "a campaign without a name", Campaign with { Name = null! }, "Name: Must not be empty." },
        { "a campaign whose name holds a line break", Campaign with { Name = "Autumn\nfake log line" }, "Name: Must be plain text" },
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
        { "an activity property holding null", Purchase with { Properties = new Dictionary<string, string> { ["colour"] = null! } }, "Properties: Holds null at 'colour'" },
        { "a group trait holding null", Group with { Traits = new Dictionary<string, string> { ["plan"] = null! } }, "Traits: Holds null at 'plan'" },
        { "an item vector holding NaN", Embedded with { Vector = [0.6f, float.NaN, 0.8f] }, "Vector: Holds NaN at [1]; every value must be a finite number." },
        { "an item vector longer than a unit vector", Embedded with { Vector = [3f, 4f] }, "Vector: Has length 5; must be a unit vector (length at most 1)." },
        { "an item vector without values", Embedded with { Vector = [] }, "Vector: Must hold at least one value." },
        { "an item vector dated 9999", Embedded with { OccurredAt = Year9999 }, "OccurredAt: 9999" },
        { "an item vector of no model", Embedded with { Model = " " }, "Model: Must not be empty." },
        { "an item vector of item '..'", Embedded with { ItemId = ".." }, "ItemId: Must not be '.' or '..'" },
        { "interests holding infinity", Interests with { Vector = [float.PositiveInfinity, 0f] }, "Vector: Holds Infinity at [0]" },
        { "interests of no model version", Interests with { ModelVersion = null! }, "ModelVersion: Must not be empty." },
        { "interests of user '..'", Interests with { UserId = ".." }, "UserId: Must not be '.' or '..'" },
        { "topics dated 9999", Topics with { OccurredAt = Year9999 }, "OccurredAt: 9999" },
        { "a topic label of 201 characters", Topics with { DominantLabel = new string('t', 201) }, "DominantLabel: Must be at most 200 characters." },
        { "a training dated 9999", Trained with { OccurredAt = Year9999 }, "OccurredAt: 9999" },
        { "a training of no model version", Trained with { ModelVersion = "" }, "ModelVersion: Must not be empty." },
        { "a training whose bestseller is null", Trained with { Bestsellers = [null!, Trained.Bestsellers![0]] }, "Bestsellers[0]: Must not be null." },
        { "a training whose bestseller is item '..'", Trained with { Bestsellers = [Trained.Bestsellers![0] with { ItemId = ".." }] }, "Bestsellers[0].ItemId: Must not be '.' or '..'" },
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
        { "an identify whose email is 320 characters", Identify with { Email = $"{new string('a', 64)}@{string.Join('.', Enumerable.Repeat(new string('b', 63), 4))}" } },
        { "an open", Open },
        { "an unsubscribe dated 9999", Open with { Kind = EngagementKind.Unsubscribe, OccurredAt = Year9999 } },
        { "a complaint with no event id and a user id '..'", Open with { Kind = EngagementKind.Complaint, EventId = Guid.Empty, UserId = ".." } },
        { "an erasure dated year 1", new UserErased(Guid.NewGuid(), "12583", Year1) },
        { "a message no rule names", new ModelTrainingRequested(Guid.Empty, Year9999, "") },
        { "an item vector", Embedded },
        { "interests with no evidence yet (a zero vector)", Interests with { Vector = [0f, 0f] } },
        { "a unit vector as float32 rounds it", Interests with { Vector = [0.6000001f, 0.8000001f] } },
        { "topics", Topics },
        { "a training with its bestsellers", Trained },
        { "a training from before bestsellers were published", Trained with { Bestsellers = null } },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refuses(string because, object message, string problem)
    {
        Assert.Contains(problem, MessageRules.Problem(message, Times, MaxProperties) ?? $"nothing refused ({because})", StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Accepts(string because, object message)
    {
        Assert.True(MessageRules.Problem(message, Times, MaxProperties) is null, because);
    }

    [Fact]
    public void Names_every_problem_of_a_message()
    {
        var problem = MessageRules.Problem(Purchase with { UserId = "", OccurredAt = Year9999, Quantity = double.NaN }, Times, MaxProperties);

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

    [Theory]
    [MemberData(nameof(TextLimits))]
    public void Accepts_text_at_its_limit(string field, int limit)
    {
        Assert.Null(MessageRules.Problem(WithText(field, new string('x', limit)), Times, MaxProperties));
    }

    [Theory]
    [MemberData(nameof(TextLimits))]
    public void Refuses_text_one_character_over_its_limit_naming_the_field(string field, int limit)
    {
        var problem = MessageRules.Problem(WithText(field, new string('x', limit + 1)), Times, MaxProperties);

        Assert.Equal($"{field.Split('.')[1]}: Must be at most {limit} characters.", problem);
    }

    [Theory]
    [MemberData(nameof(MapLimits))]
    public void Accepts_a_map_at_its_limit(string field, int limit)
    {
        Assert.Null(MessageRules.Problem(WithMap(field, Fields(limit)), Times, MaxProperties));
    }

    [Theory]
    [MemberData(nameof(MapLimits))]
    public void Refuses_a_map_one_field_over_its_limit_naming_the_field(string field, int limit)
    {
        var problem = MessageRules.Problem(WithMap(field, Fields(limit + 1)), Times, MaxProperties);

        Assert.StartsWith($"{field.Split('.')[1]}: Holds {limit + 1} fields; at most {limit} are accepted (Tailor:Ingestion:MaxPropertiesPerCall", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Holds_maps_to_the_configured_count()
    {
        var traits = Identify with { Traits = Fields(4) };

        Assert.Null(MessageRules.Problem(traits, Times, maxProperties: 4));
        Assert.Equal("Traits: Holds 4 fields; at most 3 are accepted (Tailor:Ingestion:MaxPropertiesPerCall).", MessageRules.Problem(traits, Times, maxProperties: 3));
    }

    [Fact]
    public void Accepts_a_consent_withdrawn_whatever_the_length_of_what_it_does_not_need()
    {
        var tooLong = new string('x', 100_000);
        var stop = Identify with
        {
            EmailConsent = false,
            Email = tooLong,
            FirstName = tooLong,
            Country = tooLong,
            TimeZone = tooLong,
            Traits = Fields(10_000),
        };

        Assert.Null(MessageRules.Problem(stop, Times, MaxProperties));
    }

    [Fact]
    public void Leaves_out_the_contact_details_of_a_consent_withdrawn_that_break_the_rules_and_keeps_the_rest()
    {
        var stop = Identify with
        {
            EmailConsent = false,
            Email = "ada at example.com",
            FirstName = "<b>Ada</b>",
            Country = new string('x', FieldLengths.Name + 1),
            TimeZone = "Europe/London",
            Traits = Fields(MaxProperties + 1),
        };

        var (kept, leftOut) = MessageRules.StopWithoutBrokenDetails(stop, Times, MaxProperties)!.Value;

        Assert.Equal(((string?)null, (string?)null, (string?)null, 0), (kept.Email, kept.FirstName, kept.Country, kept.Traits.Count));
        Assert.Equal(("Europe/London", false, stop.EventId, stop.UserId, stop.OccurredAt), (kept.TimeZone, kept.EmailConsent, kept.EventId, kept.UserId, kept.OccurredAt));
        Assert.Equal(["Traits", "Email", "FirstName", "Country"], leftOut.Select(problem => problem[..problem.IndexOf(':', StringComparison.Ordinal)]));
    }

    [Fact]
    public void Keeps_a_consent_withdrawn_whose_details_hold_and_anything_that_is_not_a_withdrawal_as_it_is()
    {
        Assert.Null(MessageRules.StopWithoutBrokenDetails(Identify with { EmailConsent = false }, Times, MaxProperties));
        Assert.Null(MessageRules.StopWithoutBrokenDetails(Identify with { Email = "ada at example.com" }, Times, MaxProperties));
        Assert.Null(MessageRules.StopWithoutBrokenDetails(Identify with { EmailConsent = null, Email = "ada at example.com" }, Times, MaxProperties));
    }

    [Theory]
    [InlineData(EngagementKind.Unsubscribe)]
    [InlineData(EngagementKind.Complaint)]
    [InlineData(EngagementKind.HardBounce)]
    public void Accepts_a_stop_whatever_the_length_of_its_url(EngagementKind kind)
    {
        Assert.Null(MessageRules.Problem(Open with { Kind = kind, Url = new string('x', 100_000) }, Times, MaxProperties));
    }

    private const string ShopPage = "https://shop.example.com/";

    private static Dictionary<string, string> Fields(int count) =>
        Enumerable.Range(0, count).ToDictionary(index => $"field{index}", index => "value", StringComparer.Ordinal);

    /// <summary>A message every rule takes, but for <paramref name="field"/> (<c>Message.Field</c>), which holds <paramref name="text"/>.</summary>
    private static object WithText(string field, string text) => field switch
    {
        "UserActivityTracked.Activity" => Purchase with { Activity = text },
        "UserActivityTracked.ItemName" => Purchase with { ItemName = text },
        "UserActivityTracked.Text" => Purchase with { Activity = ActivityKinds.Text, ItemId = null, Text = text },
        "UserIdentified.FirstName" => Identify with { FirstName = text },
        "UserIdentified.Country" => Identify with { Country = text },
        "UserIdentified.TimeZone" => Identify with { TimeZone = text },
        "DeviceTimeZoneObserved.TimeZone" => DeviceZone with { TimeZone = text },
        "CatalogItemUpserted.Title" => Item with { Title = text },
        "CatalogItemUpserted.Description" => Item with { Description = text },
        "CatalogItemUpserted.Category" => Item with { Category = text },
        // A web address of the text's length, so only its length can break the rules.
        "CatalogItemUpserted.Url" => Item with { Url = ShopPage + text[ShopPage.Length..] },
        "CampaignRequested.Name" => Campaign with { Name = text },
        "CampaignRequested.Goal" => Campaign with { Goal = text },
        "CampaignRequested.DominantTopic" => Campaign with { DominantTopic = text },
        "EmailEngaged.Url" => Open with { Kind = EngagementKind.Click, Url = text },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "No message holds this field."),
    };

    private static object WithMap(string field, IReadOnlyDictionary<string, string> fields) => field switch
    {
        "UserIdentified.Traits" => Identify with { Traits = fields },
        "UserGrouped.Traits" => Group with { Traits = fields },
        "UserActivityTracked.Properties" => Purchase with { Properties = fields },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "No message holds this map."),
    };
}
