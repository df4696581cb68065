using System.Security.Cryptography;
using System.Text;

namespace Tailor.Ingestion.Contacts;

/// <summary>
/// Keys Ingestion files an address under: SHA-256 of the trimmed, lower-cased address. The suppression list must
/// outlive an erased user (so they are not emailed again) without keeping their address readable.
/// </summary>
internal static class AddressKeys
{
    public static string Of(string address) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(address.Trim().ToLowerInvariant())));

    /// <summary>Whether the two are one address as far as suppression goes (case and surrounding spaces aside).</summary>
    public static bool Same(string first, string? second) => second is not null && Of(first) == Of(second);
}
