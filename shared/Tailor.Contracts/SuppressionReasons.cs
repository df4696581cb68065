namespace Tailor.Contracts;

public static class SuppressionReasons
{
    public const string NoConsent = "no-consent";

    /// <summary>The address is on the suppression list: an unsubscribe, complaint or hard bounce, from this or another user id.</summary>
    public const string Suppressed = "suppressed";
    public const string NoAddress = "no-address";
    public const string NoContent = "no-content";

    /// <summary>The user already has as many emails of this campaign type as its cap allows in the period.</summary>
    public const string FrequencyCap = "frequency-cap";

    /// <summary>Under the campaign type's cap, but over the lower cap of a user who stopped opening and clicking (saturated).</summary>
    public const string Fatigue = "fatigue";

    /// <summary>The campaign's whole window falls in the user's quiet hours (on their clock).</summary>
    public const string QuietHours = "quiet-hours";
}
