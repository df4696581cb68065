using System.Text.Json;
using Tailor.Contracts;
using Tailor.Ingestion.Validation;
using Tailor.Messaging.Rules;

namespace Tailor.Ingestion.Requests;

/// <summary>Validates <c>{name, goal, type?, audience: "all" | {userIds?: [...], dominantTopic?: "...", groupIds?: [...]}, sendWindow: {start, end}, sections?: ["buyAgain", "newForYou"], controlShare?}</c>.</summary>
internal static class CampaignRequestParser
{
    private const string Everyone = "all";
    private const string UserIds = "userIds";
    private const string DominantTopic = "dominantTopic";
    private const string GroupIds = "groupIds";
    private const string AudienceShape = """{"userIds": [...], "dominantTopic": "...", "groupIds": [...]}""";

    /// <param name="times">The accepted times, around this server's clock: the send window is held to them.</param>
    public static CampaignInput? Parse(JsonElement body, EventTimeRange times, ValidationErrors errors)
    {
        if (ObjectReader.Of(body, JsonPaths.Root, errors) is not { } campaign)
        {
            return null;
        }

        // The name is shown back to people (the report, the log's lines about the campaign): plain text, one line.
        var name = campaign.PlainText("name", FieldLimits.Name, required: true);
        var goal = campaign.String("goal", FieldLimits.Goal, required: true);
        var typeValid = TryParseType(campaign, out var type);
        var audienceValid = TryParseAudience(campaign, out var audience);
        var sectionsValid = TryParseSections(campaign, out var sections);
        var controlShareValid = ControlShareParser.TryParse(campaign, out var controlShare);
        var (start, end) = ParseSendWindow(campaign, times);

        // The hash covers the whole body, type included: two campaigns that differ only in type are two campaigns.
        return name is null || goal is null || !typeValid || !audienceValid || !sectionsValid || !controlShareValid || start is null || end is null
            ? null
            : new CampaignInput(name, goal, audience, start.Value, end.Value, type, ContentHash.Of(body), sections, controlShare);
    }

    /// <summary>The window the emails are sent in, held to <see cref="EventTimeRange.WindowStartRefusal"/> and <see cref="EventTimeRange.WindowEndRefusal"/>.</summary>
    /// <returns>Both ends when the window is valid, else nulls (each error recorded).</returns>
    private static (DateTimeOffset? Start, DateTimeOffset? End) ParseSendWindow(ObjectReader campaign, EventTimeRange times)
    {
        var window = campaign.Object("sendWindow", required: true);
        var start = window?.Timestamp("start", required: true);
        var end = window?.Timestamp("end", required: true);
        if (window is null || start is null || end is null)
        {
            return (null, null);
        }

        var startRefusal = times.WindowStartRefusal(start.Value);
        var endRefusal = times.WindowEndRefusal(start.Value, end.Value);
        if (startRefusal is not null)
        {
            window.Error("start", startRefusal);
        }

        if (endRefusal is not null)
        {
            window.Error("end", endRefusal);
        }

        return startRefusal is null && endRefusal is null ? (start, end) : (null, null);
    }

    // The type picks a frequency cap by name, so it is held to the token form the caps are configured with rather
    // than lowercased here: "Promotional" is refused instead of being quietly capped as something else.
    private static bool TryParseType(ObjectReader campaign, out string? type)
    {
        const string typeField = "type";
        type = null;
        if (campaign.Value(typeField) is null)
        {
            return true;
        }

        if (campaign.String(typeField, CampaignTypes.MaxLength) is not { } text)
        {
            return false;
        }

        if (!CampaignTypes.IsWellFormed(text))
        {
            campaign.Error(typeField, $"Must be a campaign type such as \"{CampaignTypes.Promotional}\": lowercase letters, digits and '-'.");
            return false;
        }

        type = text;
        return true;
    }

    /// <summary>The email sections, in the order given: a non-empty list of distinct known names; absent means all of them.</summary>
    private static bool TryParseSections(ObjectReader campaign, out IReadOnlyList<string>? sections)
    {
        const string sectionsField = "sections";
        sections = null;
        if (campaign.Value(sectionsField) is null)
        {
            return true;
        }

        if (campaign.Array(sectionsField, required: true) is not { } list)
        {
            return false;
        }

        var known = string.Join(", ", EmailSections.All.Select(section => $"\"{section}\""));
        if (list.GetArrayLength() == 0)
        {
            campaign.Error(sectionsField, $"Must name at least one section: {known}.");
            return false;
        }

        var named = new List<string>(list.GetArrayLength());
        var valid = true;
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var path = JsonPaths.Item(campaign.PathOf(sectionsField), index++);
            var section = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            if (!EmailSections.IsKnown(section))
            {
                campaign.Errors.Add(path, $"Must be one of {known}.");
                valid = false;
            }
            else if (named.Contains(section!, StringComparer.Ordinal))
            {
                campaign.Errors.Add(path, "Names a section already named.");
                valid = false;
            }
            else
            {
                named.Add(section!);
            }
        }

        sections = named;
        return valid;
    }

    private static bool TryParseAudience(ObjectReader campaign, out CampaignAudience audience)
    {
        audience = CampaignAudience.Everyone;
        const string audienceField = "audience";
        switch (campaign.Value(audienceField))
        {
            case null:
                campaign.Error(audienceField, $"Is required: \"{Everyone}\" or {AudienceShape}.");
                return false;
            case { ValueKind: JsonValueKind.String } all when all.GetString() == Everyone:
                return true;
            case { ValueKind: JsonValueKind.Object } filters:
                var reader = ObjectReader.Of(filters, campaign.PathOf(audienceField), campaign.Errors)!;
                if (reader.Value(UserIds) is null && reader.Value(DominantTopic) is null && reader.Value(GroupIds) is null)
                {
                    campaign.Error(audienceField, "Must name userIds, a dominantTopic, groupIds, or several of them.");
                    return false;
                }

                var dominantTopic = reader.PlainText(DominantTopic, FieldLimits.Name);
                var topicValid = reader.Value(DominantTopic) is null || !string.IsNullOrWhiteSpace(dominantTopic);
                if (!topicValid)
                {
                    reader.Error(DominantTopic, "Must be a topic label, as Topic names it.");
                }

                // Both lists are read whatever the other holds, so every wrong field is named in one answer.
                var usersValid = TryParseIds(reader, UserIds, "user", out var userIds);
                var groupsValid = TryParseIds(reader, GroupIds, "group", out var groupIds);
                audience = new CampaignAudience(userIds, dominantTopic, groupIds);
                return usersValid && groupsValid && topicValid;
            default:
                campaign.Error(audienceField, $"Must be \"{Everyone}\" or {AudienceShape}.");
                return false;
        }
    }

    /// <returns>False when the field is present but not a non-empty list of ids (each error is recorded); true and null when absent.</returns>
    private static bool TryParseIds(ObjectReader audience, string field, string noun, out IReadOnlyList<string>? ids)
    {
        ids = null;
        if (audience.Value(field) is null)
        {
            return true;
        }

        if (audience.Array(field, required: true) is not { } list)
        {
            return false;
        }

        if (list.GetArrayLength() == 0)
        {
            audience.Error(field, $"Must name at least one {noun}.");
            return false;
        }

        var valid = new List<string>(list.GetArrayLength());
        var allValid = true;
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var path = JsonPaths.Item(audience.PathOf(field), index++);
            if ((item.ValueKind == JsonValueKind.String ? Identifiers.Problem(item.GetString()) : "Must be a string.") is { } problem)
            {
                audience.Errors.Add(path, problem);
                allValid = false;
                continue;
            }

            valid.Add(item.GetString()!);
        }

        ids = [.. valid.Distinct(StringComparer.Ordinal)];
        return allValid;
    }
}
