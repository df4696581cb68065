using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Tailor.Ingestion.Security;

/// <summary>What every route group that needs an API key shares, so an endpoint added later only has to join a group.</summary>
internal static class ApiScopeConventions
{
    /// <summary>Requires a key with <paramref name="scope"/>, rate limits per key, and documents the problems both answer.</summary>
    public static RouteGroupBuilder RequireApiScope(this RouteGroupBuilder group, string scope) =>
        group.RequireAuthorization(scope)
            .RequireRateLimiting(PerKeyRateLimit.PolicyName)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
