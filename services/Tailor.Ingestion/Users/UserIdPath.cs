using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Tailor.Ingestion.Http;
using Tailor.Ingestion.Validation;

namespace Tailor.Ingestion.Users;

/// <summary>
/// Reads the user id of <c>/v1/users/{id}</c> and <c>/v1/users/{id}/export</c> from the request target as the client
/// sent it, so an id may hold any character, a slash included.
/// <para>
/// The route value cannot be used: Kestrel decodes the path except <c>%2F</c>, so <c>tenant%2F42</c> arrives as the
/// route value <c>tenant%2F42</c> while <c>tenant%252F42</c> (the id <c>tenant%2F42</c>, percent-encoded) arrives as
/// the same text: two ids, one value. Decoding the raw target once is unambiguous. The id is read as a client writes
/// it: percent-encoded UTF-8 (what every HTTP library does with a path segment; <c>+</c> is a plus, not a space), or
/// with its slashes as slashes, since the id runs to the end of the path (erasure) or to its last <c>/export</c>
/// (export): <c>/v1/users/tenant/42/user/7/export</c> is the user <c>tenant/42/user/7</c>.
/// </para>
/// </summary>
internal static class UserIdPath
{
    /// <summary>Segments of <c>/v1/users</c>, before the id.</summary>
    private const int PrefixSegments = 2;

    public const string ExportSegment = "export";

    /// <param name="suffix">The segment after the id (<see cref="ExportSegment"/>), or null when the id ends the path.</param>
    /// <returns>The id, or the problem to answer: 400 for an id that is not well-formed, 404 for a path that names no operation.</returns>
    public static (string? UserId, IResult? Problem) Read(HttpContext http, string? suffix)
    {
        var segments = RawPath(http).Split('/');

        // The raw path starts with "/" (so segments[0] is empty), then any path base, then /v1/users.
        var first = 1 + PathBaseSegments(http.Request) + PrefixSegments;
        var last = segments.Length - 1;
        if (suffix is not null)
        {
            if (last < first || !suffix.Equals(Decode(segments[last]), StringComparison.OrdinalIgnoreCase))
            {
                return (null, Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"Did you mean /v1/users/{{id}}/{suffix}?"));
            }

            last--;
        }

        var idSegments = segments.AsSpan(first, Math.Max(0, last - first + 1));
        foreach (var segment in idSegments)
        {
            // The server resolves "." and ".." segments before routing, so the route matched another path than the one
            // read here: refuse it rather than guess (an id with dots is sent percent-encoded, as one segment).
            if (Decode(segment) is "." or "..")
            {
                return Invalid("Holds a '.' or '..' path segment; percent-encode the id (a slash is %2F).");
            }
        }

        if (Decode(string.Join('/', idSegments.ToArray())) is not { } userId)
        {
            return Invalid("Is not percent-encoded UTF-8: write each byte that is not a letter or digit as %XX (a % is %25).");
        }

        if (userId.Length > FieldLimits.Id || userId.Any(char.IsControl) || string.IsNullOrWhiteSpace(userId))
        {
            return Invalid($"Must be a user id of at most {FieldLimits.Id} characters without control characters.");
        }

        return (userId, null);
    }

    private static (string?, IResult?) Invalid(string message)
    {
        var errors = new ValidationErrors();
        errors.Add("userId", message);
        return (null, IngestionResults.Invalid(errors));
    }

    /// <summary>The path as it came over the wire, without the query; the decoded path where the server keeps no raw target.</summary>
    public static string RawPath(HttpContext http)
    {
        var target = http.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target))
        {
            return (http.Request.PathBase + http.Request.Path).ToUriComponent();
        }

        // The absolute form (http://host/path), which proxies may send, starts its path after the authority.
        if (!target.StartsWith('/') && target.IndexOf("://", StringComparison.Ordinal) is var scheme and >= 0)
        {
            var path = target.IndexOf('/', scheme + 3);
            target = path < 0 ? "/" : target[path..];
        }

        return target.IndexOf('?') is var query and >= 0 ? target[..query] : target;
    }

    private static int PathBaseSegments(HttpRequest request) =>
        request.PathBase.HasValue ? request.PathBase.Value!.Count(character => character == '/') : 0;

    /// <summary>Percent-decodes UTF-8 strictly: null for a stray <c>%</c> or bytes that are not UTF-8, never a guess.</summary>
    private static string? Decode(string raw)
    {
        if (!raw.Contains('%', StringComparison.Ordinal))
        {
            return raw;
        }

        var bytes = new List<byte>(raw.Length);
        var literalStart = 0;
        for (var index = 0; index <= raw.Length; index++)
        {
            if (index < raw.Length && raw[index] != '%')
            {
                continue;
            }

            bytes.AddRange(Encoding.UTF8.GetBytes(raw[literalStart..index]));
            if (index == raw.Length)
            {
                break;
            }

            if (index + 2 >= raw.Length || !char.IsAsciiHexDigit(raw[index + 1]) || !char.IsAsciiHexDigit(raw[index + 2]))
            {
                return null;
            }

            bytes.Add(byte.Parse(raw.AsSpan(index + 1, 2), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture));
            index += 2;
            literalStart = index + 1;
        }

        var decoded = bytes.ToArray();
        return System.Text.Unicode.Utf8.IsValid(decoded) ? Encoding.UTF8.GetString(decoded) : null;
    }
}
