using Microsoft.Extensions.Options;

namespace Tailor.ContentGeneration.Personalization;

/// <summary>Who an email is from, the id it is sent under, and the arguments its provider echoes back in webhooks.</summary>
public sealed class EmailEnvelope(IOptions<ContentGenerationOptions> options)
{
    public const string EmailIdArg = "tailor_email_id";
    public const string UserIdArg = "tailor_user_id";
    public const string CampaignIdArg = "tailor_campaign_id";
    public const string VariantArg = "tailor_variant";
    public const string ArmArg = "tailor_arm";

    private readonly ContentGenerationOptions _options = options.Value;

    /// <summary>The brand as a quoted display name, so a comma or a quote in it cannot split the header.</summary>
    public string From => $"\"{_options.BrandName.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\" <{_options.FromAddress}>";

    public string? ReplyTo => _options.ReplyTo;

    /// <summary>The Message-ID derives from the email id, so a resent <c>EmailReady</c> is recognisably the same message.</summary>
    public string MessageId(Guid emailId) => $"<{emailId:D}@{_options.FromAddress[(_options.FromAddress.LastIndexOf('@') + 1)..]}>";

    public static IReadOnlyDictionary<string, string> CustomArgs(Guid emailId, string userId, string campaignId, string? variant, string arm)
    {
        var args = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [EmailIdArg] = emailId.ToString("D"),
            [UserIdArg] = userId,
            [CampaignIdArg] = campaignId,
            [ArmArg] = arm,
        };
        if (variant is not null)
        {
            args[VariantArg] = variant;
        }

        return args;
    }
}
