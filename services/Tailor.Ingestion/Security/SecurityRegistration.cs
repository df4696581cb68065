using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tailor.ServiceDefaults;

namespace Tailor.Ingestion.Security;

internal static class SecurityRegistration
{
    /// <summary>
    /// API-key authentication, one authorization policy per scope, the per-key rate limit, the key admin API and the
    /// warning at start when there is no key.
    /// </summary>
    public static IServiceCollection AddIngestionSecurity(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddSingleton<IValidateOptions<IngestionOptions>, ConfiguredApiKeysValidation>();
        services.AddSingleton<ApiKeyRegistry>();
        services.AddHostedService<ApiKeyConfigurationReport>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, configureOptions: null);
        services.AddAuthorizationBuilder().AddScopePolicies();
        services.AddPerKeyRateLimit();
        services.AddSingleton<IEndpointModule, ApiKeyAdminEndpoints>();
        return services;
    }

    private static void AddScopePolicies(this Microsoft.AspNetCore.Authorization.AuthorizationBuilder authorization)
    {
        foreach (var scope in ApiScopes.All)
        {
            authorization.AddPolicy(scope, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .RequireClaim(ApiScopes.ClaimType, scope));
        }
    }
}
