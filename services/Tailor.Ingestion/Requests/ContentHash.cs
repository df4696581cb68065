using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Tailor.Ingestion.Requests;

/// <summary>A short fingerprint of a JSON value as the client sent it: what makes a retried call without a messageId recognisable.</summary>
internal static class ContentHash
{
    public static string Of(JsonElement element) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(element.GetRawText())));
}
