using System.Text.Json;
using Tailor.Contracts;
using Tailor.Ingestion.Validation;

namespace Tailor.Ingestion.Requests;

/// <summary>Validates <c>{name, goal, type?, audience: "all" | {userIds?: [...], dominantTopic?: "..."}, sendWindow: {start, end}}</c>.</summary>
internal static class CampaignRequestParser
{
    private const string Everyone = "all";

    public static CampaignInput? Parse(JsonElement body, ValidationErrors errors)
    {
        if (ObjectReader.Of(body, JsonPaths.Root, errors) is not { } campaign)
        {
            return null;
        }

        var name = campaign.String("name", FieldLimits.Name, required: true);
        var goal = campaign.String("goal", FieldLimits.Goal, required: true);
        var typeValid = TryParseType(campaign, out var type);
        var audienceValid = TryParseAudience(campaign, out var userIds, out var dominantTopic);
        var window = campaign.Object("sendWindow", required: true);
        var start = window?.Timestamp("start", required: true);
        var end = window?.Timestamp("end", required: true);
        if (start is not null && end is not null && end <= start)
        {
            window!.Error("end", "Must be after start.");
            return null;
        }

        // The hash covers the whole body, type included: two campaigns that differ only in type are two campaigns.
        return name is null || goal is null || !typeValid || !audienceValid || start is null || end is null
            ? null
            : new CampaignInput(name, goal, userIds, start.Value, end.Value, dominantTopic, type, ContentHash.Of(body));
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

    private static bool TryParseAudience(ObjectReader campaign, out IReadOnlyList<string>? userIds, out string? dominantTopic)
    {
        userIds = null;
        dominantTopic = null;
        const string audienceField = "audience";
        switch (campaign.Value(audienceField))
        {
            case null:
                campaign.Error(audienceField, $"Is required: \"{Everyone}\" or {{\"userIds\": [...], \"dominantTopic\": \"...\"}}.");
                return false;
            case { ValueKind: JsonValueKind.String } all when all.GetString() == Everyone:
                return true;
            case { ValueKind: JsonValueKind.Object } audience:
                var reader = ObjectReader.Of(audience, campaign.PathOf(audienceField), campaign.Errors)!;
                dominantTopic = reader.PlainText("dominantTopic", FieldLimits.Name);
                if (reader.Value("userIds") is null && reader.Value("dominantTopic") is null)
                {
                    campaign.Error(audienceField, "Must name userIds, a dominantTopic, or both.");
                    return false;
                }

                var topicValid = reader.Value("dominantTopic") is null || !string.IsNullOrWhiteSpace(dominantTopic);
                if (!topicValid)
                {
                    reader.Error("dominantTopic", "Must be a topic label, as Topic names it.");
                }

                return (reader.Value("userIds") is null || TryParseUserIds(reader, out userIds)) && topicValid;
            default:
                campaign.Error(audienceField, $"Must be \"{Everyone}\" or {{\"userIds\": [...], \"dominantTopic\": \"...\"}}.");
                return false;
        }
    }

    private static bool TryParseUserIds(ObjectReader audience, out IReadOnlyList<string>? userIds)
    {
        userIds = null;
        if (audience.Array("userIds", required: true) is not { } list)
        {
            return false;
        }

        if (list.GetArrayLength() == 0)
        {
            audience.Error("userIds", "Must name at least one user.");
            return false;
        }

        var ids = new List<string>(list.GetArrayLength());
        var valid = true;
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var path = JsonPaths.Item(audience.PathOf("userIds"), index++);
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()) || item.GetString()!.Length > FieldLimits.Id)
            {
                audience.Errors.Add(path, $"Must be a non-empty string of at most {FieldLimits.Id} characters.");
                valid = false;
                continue;
            }

            ids.Add(item.GetString()!);
        }

        userIds = [.. ids.Distinct(StringComparer.Ordinal)];
        return valid;
    }
}
