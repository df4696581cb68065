namespace Tailor.Contracts;

public static class SuppressionReasons
{
    public const string NoConsent = "no-consent";
    public const string NoAddress = "no-address";
    public const string NoContent = "no-content";
    public const string FrequencyCap = "frequency-cap";
}
