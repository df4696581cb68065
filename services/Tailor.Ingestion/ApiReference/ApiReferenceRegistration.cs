using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Tailor.Ingestion.Security;
using Tailor.ServiceDefaults;

namespace Tailor.Ingestion.ApiReference;

/// <summary>The OpenAPI document of Ingestion's API (<c>/openapi/v1.json</c>) and its browsable reference (<c>/scalar</c>).</summary>
internal static class ApiReferenceRegistration
{
    public const string DocumentName = "v1";
    private const string SecuritySchemeName = "ApiKey";

    public static IServiceCollection AddIngestionApiReference(this IServiceCollection services)
    {
        services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer(DescribeDocumentAsync);
            options.AddOperationTransformer(RequireScopeAsync);
        });
        services.AddSingleton<IEndpointModule, ApiReferenceEndpoints>();
        return services;
    }

    private static Task DescribeDocumentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Tailor Ingestion API";
        document.Info.Description =
            "Segment-compatible events, catalog and campaigns in; email-provider webhooks back. Send an API key as " +
            "'Authorization: Bearer <key>', 'X-Api-Key', or the Basic user name (Segment's write key). Failures are RFC 9457 problem details.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SecuritySchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = $"An API key with the scope the operation names ({string.Join(", ", ApiScopes.All)}).",
        };
        return Task.CompletedTask;
    }

    // Each protected operation names the scope its key needs, taken from the endpoint's authorization policy.
    private static Task RequireScopeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any() ||
            metadata.OfType<IAuthorizeData>().Select(authorize => authorize.Policy).LastOrDefault(policy => policy is not null) is not { } scope)
        {
            return Task.CompletedTask;
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(SecuritySchemeName, context.Document)] = [scope],
        });
        return Task.CompletedTask;
    }
}
