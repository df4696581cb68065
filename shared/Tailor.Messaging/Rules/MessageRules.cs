using System.Globalization;
using Tailor.Contracts;

namespace Tailor.Messaging.Rules;

/// <summary>
/// What no consumer takes from the bus: the messages a platform may publish straight onto it (and Ingestion publishes
/// after its HTTP checks) held to the rules Ingestion holds HTTP calls to, so a message that skipped those checks is
/// refused where Ingestion would have refused it, before it changes any state. <see cref="MessageRulesFilter"/>
/// applies them on every consumer's endpoint. Ids follow <see cref="Identifiers"/>, event times
/// <see cref="EventTimeRange"/>, text <see cref="FieldLengths"/> and property maps
/// <see cref="PropertyCountOptions.MaxPropertiesPerCall"/>, and a missing <c>EventId</c> is refused, since every
/// consumer keeps one effect per id.
/// </summary>
/// <remarks>
/// A stop (<see cref="ConsentChanges.SaysStop"/>) and an erasure are refused only when they name no user: anything else
/// wrong with them (an over-long name, URL or map included) is not worth a person emailed again or kept on file. A stop
/// dated outside the range is read as arriving now (<see cref="StopReadAsArrived"/>), as Ingestion reads a provider's
/// stop. A negative quantity is a return or a cancellation, which the services read as no interest; a quantity that is
/// not a finite number is refused.
/// </remarks>
public static class MessageRules
{
    /// <param name="maxProperties">The most flattened properties or traits a call may carry (<see cref="PropertyCountOptions.MaxPropertiesPerCall"/>).</param>
    /// <returns>Null when the message may be consumed as it is; otherwise each problem, named by its field.</returns>
    public static string? Problem(object message, EventTimeRange times, int maxProperties)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(times);
        var problems = new Problems(times, maxProperties);
        switch (message)
        {
            case UserActivityTracked activity:
                Activity(problems, activity);
                break;
            case UserIdentified identified:
                Identified(problems, identified);
                break;
            case UserGrouped grouped:
                problems.Event(grouped).Id(nameof(grouped.GroupId), grouped.GroupId).Map(nameof(grouped.Traits), grouped.Traits);
                break;
            case DeviceTimeZoneObserved observed:
                // Held as an identify's zone is: SendTime then refuses a zone it does not know.
                problems.Event(observed).PlainText(nameof(observed.TimeZone), observed.TimeZone, FieldLengths.Name);
                break;
            case CatalogItemUpserted item:
                problems.EventId(item.EventId).Id(nameof(item.ItemId), item.ItemId).Time(nameof(item.OccurredAt), item.OccurredAt)
                    .Text(nameof(item.Title), item.Title, FieldLengths.Title).Length(nameof(item.Description), item.Description, FieldLengths.Description)
                    .Length(nameof(item.Category), item.Category, FieldLengths.Category).WebAddress(nameof(item.Url), item.Url)
                    .Price(nameof(item.Price), item.Price);
                break;
            case CampaignRequested campaign:
                Campaign(problems, campaign);
                break;
            case EmailEngaged engaged:
                Engagement(problems, engaged);
                break;
            case UserErased erased:
                problems.Named(nameof(erased.UserId), erased.UserId);
                break;
            case ItemEmbedded embedded:
                problems.EventId(embedded.EventId).Id(nameof(embedded.ItemId), embedded.ItemId).Time(nameof(embedded.OccurredAt), embedded.OccurredAt)
                    .Text(nameof(embedded.Model), embedded.Model, FieldLengths.Name).Text(nameof(embedded.ModelVersion), embedded.ModelVersion, FieldLengths.Name)
                    .Add(nameof(embedded.Vector), UnitVectors.Problem(embedded.Vector));
                break;
            case UserInterestsUpdated interests:
                problems.Event(interests).Text(nameof(interests.Model), interests.Model, FieldLengths.Name)
                    .Text(nameof(interests.ModelVersion), interests.ModelVersion, FieldLengths.Name)
                    .Add(nameof(interests.Vector), UnitVectors.Problem(interests.Vector));
                break;
            case UserTopicsUpdated topics:
                problems.Event(topics).Length(nameof(topics.DominantLabel), topics.DominantLabel, FieldLengths.Name);
                break;
            case RecommenderTrained trained:
                Trained(problems, trained);
                break;
        }

        return problems.Joined();
    }

    /// <summary>The event id of a message these rules know, to name it in a refusal; empty for any other.</summary>
    public static Guid EventIdOf(object message) => message switch
    {
        IUserEvent userEvent => userEvent.EventId,
        CatalogItemUpserted item => item.EventId,
        CampaignRequested campaign => campaign.EventId,
        UserErased erased => erased.EventId,
        ItemEmbedded embedded => embedded.EventId,
        RecommenderTrained trained => trained.EventId,
        _ => Guid.Empty,
    };

    /// <summary>
    /// <paramref name="message"/> dated now when it is a stop dated outside the accepted range (<see cref="EventTimeRange.ForStop"/>);
    /// null when it is kept as it is. A stop is an unsubscribe, complaint or hard bounce (<see cref="ConsentChanges.SaysStop"/>)
    /// or an identify that withdraws consent. One dated 9999 would outrank every later resubscribe, and one dated year 1
    /// would lose to the consent it withdraws.
    /// </summary>
    public static T? StopReadAsArrived<T>(T message, EventTimeRange times)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(times);
        return message switch
        {
            EmailEngaged engaged when ConsentChanges.SaysStop(engaged.Kind) && Moved(engaged.OccurredAt, times) is { } at =>
                engaged with { OccurredAt = at } as T,
            UserIdentified identified when identified.EmailConsent is false && Moved(identified.OccurredAt, times) is { } at =>
                identified with { OccurredAt = at } as T,
            _ => null,
        };
    }

    /// <summary>
    /// An identify that withdraws consent with its contact details that break the rules left out (as if not sent, so
    /// the details known stay) and traits past the limit dropped; null when nothing breaks them. The withdrawal is never
    /// refused for these (see <see cref="Problem"/>), but the contact book merges the details it carries: a malformed
    /// address kept there would become the address of the user's emails once they consent again.
    /// </summary>
    /// <returns>The identify to consume, and each detail left out as <c>Field: why</c>.</returns>
    public static (UserIdentified Kept, IReadOnlyList<string> LeftOut)? StopWithoutBrokenDetails(UserIdentified identified, EventTimeRange times, int maxProperties)
    {
        ArgumentNullException.ThrowIfNull(identified);
        ArgumentNullException.ThrowIfNull(times);
        if (identified.EmailConsent is not false || identified.Traits is null)
        {
            return null;
        }

        var problems = new Problems(times, maxProperties);
        ContactDetails(problems, identified);
        if (problems.Found.Count == 0)
        {
            return null;
        }

        bool Broken(string field) => problems.Fields.Contains(field);
        var kept = identified with
        {
            Email = Broken(nameof(identified.Email)) ? null : identified.Email,
            FirstName = Broken(nameof(identified.FirstName)) ? null : identified.FirstName,
            Country = Broken(nameof(identified.Country)) ? null : identified.Country,
            TimeZone = Broken(nameof(identified.TimeZone)) ? null : identified.TimeZone,
            Traits = Broken(nameof(identified.Traits)) ? new Dictionary<string, string>() : identified.Traits,
        };
        return (kept, problems.Found);
    }

    private static DateTimeOffset? Moved(DateTimeOffset occurredAt, EventTimeRange times) =>
        times.ForStop(occurredAt) is var at && at != occurredAt ? at : null;

    private static void Activity(Problems problems, UserActivityTracked activity)
    {
        problems.Event(activity).Text(nameof(activity.Activity), activity.Activity, FieldLengths.Name)
            .Length(nameof(activity.ItemName), activity.ItemName, FieldLengths.Title).Length(nameof(activity.Text), activity.Text, FieldLengths.Text)
            .Map(nameof(activity.Properties), activity.Properties, PropertyCountOptions.PropertiesAddedToActivity);
        if (activity.ItemId is not null)
        {
            problems.Id(nameof(activity.ItemId), activity.ItemId);
        }
        else if (activity.Activity == ActivityKinds.Purchase)
        {
            problems.Add(nameof(activity.ItemId), "A purchase must name its item.");
        }

        if (!double.IsFinite(activity.Quantity))
        {
            problems.Add(nameof(activity.Quantity), string.Create(CultureInfo.InvariantCulture, $"Is {activity.Quantity}; must be a finite number (a return or cancellation is a negative one)."));
        }

        if (activity.Price is { } price)
        {
            problems.Price(nameof(activity.Price), price);
        }
    }

    private static void Identified(Problems problems, UserIdentified identified)
    {
        // A consent withdrawn is a stop: refused only when it names no user (or has no traits to read), never for its
        // time (read as arriving instead), the contact details beside it, which no email will go to, or its traits' size
        // (both left out instead: StopWithoutBrokenDetails).
        if (identified.EmailConsent is false)
        {
            problems.Named(nameof(identified.UserId), identified.UserId).Present(nameof(identified.Traits), identified.Traits);
            return;
        }

        problems.Event(identified);
        ContactDetails(problems, identified);
    }

    /// <summary>What an identify says about reaching the user, held to the rules an HTTP identify's traits are.</summary>
    private static void ContactDetails(Problems problems, UserIdentified identified)
    {
        problems.Map(nameof(identified.Traits), identified.Traits);
        if (FieldLengths.Problem(identified.Email, FieldLengths.Email) is { } tooLong)
        {
            problems.Add(nameof(identified.Email), tooLong);
        }
        else if (identified.Email is { } email && !EmailAddresses.IsAddress(email))
        {
            problems.Add(nameof(identified.Email), EmailAddresses.Problem);
        }

        problems.PlainText(nameof(identified.FirstName), identified.FirstName, FieldLengths.Name)
            .PlainText(nameof(identified.Country), identified.Country, FieldLengths.Name)
            .PlainText(nameof(identified.TimeZone), identified.TimeZone, FieldLengths.Name);
    }

    private static void Campaign(Problems problems, CampaignRequested campaign)
    {
        problems.EventId(campaign.EventId).Id(nameof(campaign.CampaignId), campaign.CampaignId).Time(nameof(campaign.OccurredAt), campaign.OccurredAt)
            .Text(nameof(campaign.Name), campaign.Name, FieldLengths.Name)
            // The name is written into log lines and the report as it is: plain text, as Ingestion holds it to.
            .Add(nameof(campaign.Name), campaign.Name is { } name && !PlainTextRule.Allows(name) ? PlainTextRule.Problem : null)
            .Text(nameof(campaign.Goal), campaign.Goal, FieldLengths.Goal)
            .PlainText(nameof(campaign.DominantTopic), campaign.DominantTopic, FieldLengths.Name)
            .Add(nameof(campaign.SendWindowStart), problems.Times.WindowStartRefusal(campaign.SendWindowStart))
            .Add(nameof(campaign.SendWindowEnd), problems.Times.WindowEndRefusal(campaign.SendWindowStart, campaign.SendWindowEnd));
        foreach (var (index, userId) in (campaign.UserIds ?? []).Index())
        {
            problems.Id($"{nameof(campaign.UserIds)}[{index}]", userId);
        }

        foreach (var (index, groupId) in (campaign.GroupIds ?? []).Index())
        {
            problems.Id($"{nameof(campaign.GroupIds)}[{index}]", groupId);
        }
    }

    private static void Engagement(Problems problems, EmailEngaged engaged)
    {
        if (!Enum.IsDefined(engaged.Kind))
        {
            problems.Add(nameof(engaged.Kind), $"Is {(int)engaged.Kind}; must be one of {string.Join(", ", Enum.GetNames<EngagementKind>())}.");
        }

        if (ConsentChanges.SaysStop(engaged.Kind))
        {
            problems.Named(nameof(engaged.UserId), engaged.UserId);
            return;
        }

        // The address clicked, as the provider reports it: a catalog item's page, or any link in the email.
        problems.Event(engaged).Length(nameof(engaged.Url), engaged.Url, FieldLengths.Text);
        if (engaged.ItemId is not null)
        {
            problems.Id(nameof(engaged.ItemId), engaged.ItemId);
        }
    }

    /// <summary>
    /// A training's bestsellers are every campaign's control email, kept until a later training's replace them: one dated
    /// ahead would never be replaced, and a missing item would fail every control email written from the list.
    /// </summary>
    private static void Trained(Problems problems, RecommenderTrained trained)
    {
        problems.EventId(trained.EventId).Time(nameof(trained.OccurredAt), trained.OccurredAt)
            .Text(nameof(trained.ModelVersion), trained.ModelVersion, FieldLengths.Name);
        foreach (var (index, item) in (trained.Bestsellers ?? []).Index())
        {
            var field = $"{nameof(trained.Bestsellers)}[{index}]";
            if (item is null)
            {
                problems.Add(field, "Must not be null.");
                continue;
            }

            problems.Id($"{field}.{nameof(item.ItemId)}", item.ItemId)
                .Add($"{field}.{nameof(item.Score)}", double.IsFinite(item.Score) ? null : string.Create(CultureInfo.InvariantCulture, $"Is {item.Score}; must be a finite number."));
        }
    }

    /// <summary>The problems found so far, each as <c>Field: why</c>.</summary>
    private sealed class Problems(EventTimeRange times, int maxProperties)
    {
        private readonly List<string> _found = [];
        private readonly HashSet<string> _fields = new(StringComparer.Ordinal);

        public EventTimeRange Times => times;

        public IReadOnlyList<string> Found => _found;

        /// <summary>The fields with a problem.</summary>
        public IReadOnlySet<string> Fields => _fields;

        public Problems Add(string field, string? problem)
        {
            if (problem is not null)
            {
                _found.Add($"{field}: {problem}");
                _fields.Add(field);
            }

            return this;
        }

        /// <summary>The fields every event about a user has: its id, the user's id and when it happened.</summary>
        public Problems Event(IUserEvent message) =>
            EventId(message.EventId).Id(nameof(message.UserId), message.UserId).Time(nameof(message.OccurredAt), message.OccurredAt);

        public Problems EventId(Guid eventId) =>
            Add(nameof(EventId), eventId == Guid.Empty ? "Must not be empty: every consumer keeps one effect per event id." : null);

        public Problems Id(string field, string? id) => Add(field, Identifiers.Problem(id));

        public Problems Time(string field, DateTimeOffset time) =>
            Add(field, times.Refusal(time) is { } refusal ? string.Create(CultureInfo.InvariantCulture, $"{time:O} {char.ToLowerInvariant(refusal[0])}{refusal[1..]}") : null);

        /// <summary>A field that must hold something, of any length: a stop's or an erasure's user, which is never refused for more.</summary>
        public Problems Named(string field, string? text) => Add(field, string.IsNullOrWhiteSpace(text) ? "Must not be empty." : null);

        /// <summary>Required text of at most <paramref name="maxLength"/> characters.</summary>
        public Problems Text(string field, string? text, int maxLength) =>
            string.IsNullOrWhiteSpace(text) ? Named(field, text) : Length(field, text, maxLength);

        /// <summary>Optional text of at most <paramref name="maxLength"/> characters.</summary>
        public Problems Length(string field, string? text, int maxLength) => Add(field, FieldLengths.Problem(text, maxLength));

        /// <summary>An optional web page's address (<see cref="WebAddresses"/>) of at most <see cref="FieldLengths.Url"/> characters.</summary>
        public Problems WebAddress(string field, string? url) =>
            Add(field, FieldLengths.Problem(url, FieldLengths.Url) ?? (url is not null && !WebAddresses.IsWebAddress(url) ? WebAddresses.Problem : null));

        /// <summary>Optional text of at most <paramref name="maxLength"/> characters, held to <see cref="PlainTextRule"/>.</summary>
        public Problems PlainText(string field, string? text, int maxLength) =>
            Add(field, FieldLengths.Problem(text, maxLength) ?? (text is not null && !PlainTextRule.Allows(text) ? PlainTextRule.Problem : null));

        /// <summary>A map that must be present, however many fields it holds: a stop's traits.</summary>
        public Problems Present(string field, object? value) => Add(field, value is null ? "Must be present; send an empty map for none." : null);

        /// <summary>
        /// A map that must be present and hold at most as many fields as a call may carry, and <paramref name="added"/>
        /// more where Ingestion adds fields of its own to the call's.
        /// </summary>
        public Problems Map(string field, IReadOnlyDictionary<string, string>? value, int added = 0)
        {
            var most = maxProperties + added;
            if (value is not null && value.FirstOrDefault(pair => pair.Value is null) is { Key: { } withoutValue })
            {
                // Ingestion leaves a null out of the fields it flattens, so no consumer expects one.
                return Add(field, $"Holds null at '{withoutValue}'; leave a field without a value out.");
            }

            if (value is null || value.Count <= most)
            {
                return Present(field, value);
            }

            var limit = added == 0
                ? $"{most} are accepted (Tailor:Ingestion:MaxPropertiesPerCall)"
                : $"{most} are accepted (Tailor:Ingestion:MaxPropertiesPerCall, {maxProperties}, and the {added} Ingestion adds)";
            return Add(field, $"Holds {value.Count} fields; at most {limit}.");
        }

        public Problems Price(string field, decimal price) =>
            Add(field, price < 0 ? string.Create(CultureInfo.InvariantCulture, $"Is {price}; must be at least 0.") : null);

        public string? Joined() => _found.Count == 0 ? null : string.Join(" ", _found);
    }
}
