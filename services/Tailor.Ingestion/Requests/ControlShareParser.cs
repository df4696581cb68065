using System.Globalization;
using System.Text.Json;
using Tailor.Contracts;
using Tailor.Ingestion.Validation;

namespace Tailor.Ingestion.Requests;

/// <summary>Reads a campaign's <c>controlShare</c>: the share of its audience held out as the control group.</summary>
internal static class ControlShareParser
{
    public const string Field = "controlShare";

    /// <returns>False when present but not a number from 0 to <see cref="CampaignArms.MaxControlShare"/> (the error is recorded); the default when absent.</returns>
    public static bool TryParse(ObjectReader campaign, out double share)
    {
        share = CampaignArms.DefaultControlShare;
        if (campaign.Value(Field) is not { } value)
        {
            return true;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && number is >= 0 and <= CampaignArms.MaxControlShare)
        {
            share = number;
            return true;
        }

        campaign.Error(Field, string.Create(
            CultureInfo.InvariantCulture,
            $"Must be a number from 0 to {CampaignArms.MaxControlShare}: the share of the audience held out as the control group (0 for none)."));
        return false;
    }
}
