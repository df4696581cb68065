using Tailor.Ingestion.Validation;
using Tailor.Messaging.Rules;

namespace Tailor.Ingestion.Security;

/// <summary>
/// What an API key's client name may be, one rule wherever a key is made: the admin API, configuration, and
/// <c>tailor api-key new</c> (which prints configuration that must then start Ingestion). The name is shown in the
/// key listing and in logs as the caller's client claim.
/// </summary>
public static class ApiKeyClientNames
{
    public const int MaxLength = FieldLimits.Name;

    /// <returns>Why <paramref name="client"/> cannot name a key, or null when it can.</returns>
    public static string? Problem(string? client) =>
        string.IsNullOrWhiteSpace(client) ? "A client name is required."
        : client.Length > MaxLength ? $"A client name is at most {MaxLength} characters."
        : !PlainTextRule.Allows(client) ? PlainTextRule.Problem
        : null;
}
