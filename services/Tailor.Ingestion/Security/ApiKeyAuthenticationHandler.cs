using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Tailor.Ingestion.Validation;

namespace Tailor.Ingestion.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c>, <c>X-Api-Key: &lt;key&gt;</c>, and HTTP Basic with the key as user
/// name and no password, which is how Segment's libraries send their write key, so they work unchanged.
/// Challenges and refusals answer as problem details.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyRegistry registry,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string ApiKeyHeader = "X-Api-Key";
    public const string ClientClaimType = "tailor:client";
    public const string KeyIdClaimType = "tailor:key-id";

    // A key is 47 characters; anything far longer is not one, and must not size a stack buffer.
    private const int MaxBasicCredentialsLength = 512;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (PresentedKey(Request) is not { } key)
        {
            return AuthenticateResult.NoResult();
        }

        if (await registry.FindAsync(key, Context.RequestAborted) is not { } client)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        Claim[] claims =
        [
            new(ClaimTypes.Name, client.Client),
            new(ClientClaimType, client.Client),
            new(KeyIdClaimType, client.KeyId),
            .. client.Scopes.Select(scope => new Claim(ApiScopes.ClaimType, scope)),
        ];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"tailor\", Basic realm=\"tailor\"";
        var presented = PresentedKey(Request) is not null;
        await WriteProblemAsync(
            "API key required",
            presented
                ? "The API key is unknown or was revoked."
                : $"Send an API key as 'Authorization: Bearer <key>', as '{ApiKeyHeader}: <key>', or as the Basic user name.");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await WriteProblemAsync("Scope missing", ForbiddenDetail());
    }

    // Each scope is also the name of the policy that requires it (ApiScopeConventions), so the endpoint's policies
    // name what it needs; the key's claims name what it has.
    private string ForbiddenDetail()
    {
        var needed = Context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Select(data => data.Policy)
            .OfType<string>()
            .Where(ApiScopes.IsKnown)
            .Distinct(StringComparer.Ordinal)
            .ToList() ?? [];
        if (needed.Count == 0)
        {
            return "This API key is valid but does not have the scope this endpoint needs.";
        }

        var granted = Context.User.FindAll(ApiScopes.ClaimType).Select(claim => claim.Value).ToList();
        var has = granted.Count == 0 ? "no scope" : $"the scopes {string.Join(", ", granted)}";
        return $"{Request.Method} {Quoted.Short(Request.Path.Value)} needs the '{string.Join("' and '", needed)}' scope; this API key is valid but has {has}.";
    }

    private async Task WriteProblemAsync(string title, string detail) =>
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = Response.StatusCode, Title = title, Detail = detail },
        });

    private static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers[ApiKeyHeader].ToString() is { Length: > 0 } headerKey)
        {
            return headerKey.Trim();
        }

        var authorization = request.Headers[HeaderNames.Authorization].ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim() is { Length: > 0 } bearer ? bearer : null;
        }

        return authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) ? BasicUserName(authorization["Basic ".Length..]) : null;
    }

    // Segment sends base64("<writeKey>:"): the key is the user name and the password is empty.
    private static string? BasicUserName(string encoded)
    {
        if (encoded.Length > MaxBasicCredentialsLength)
        {
            return null;
        }

        Span<byte> decoded = stackalloc byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded.Trim(), decoded, out var length))
        {
            return null;
        }

        var credentials = Encoding.UTF8.GetString(decoded[..length]);
        var separator = credentials.IndexOf(':', StringComparison.Ordinal);
        var user = separator < 0 ? credentials : credentials[..separator];
        return user.Length > 0 ? user : null;
    }
}
