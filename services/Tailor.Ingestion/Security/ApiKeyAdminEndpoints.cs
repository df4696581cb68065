using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tailor.Ingestion.Accepting;
using Tailor.Ingestion.Http;
using Tailor.Ingestion.Validation;
using Tailor.ServiceDefaults;

namespace Tailor.Ingestion.Security;

/// <summary><c>/v1/admin/api-keys</c>: create (the key is shown once), list (no secrets) and revoke keys; admin scope.</summary>
internal sealed class ApiKeyAdminEndpoints : IEndpointModule
{
    private const int MaxBodyBytes = 4 * 1024;

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var keys = endpoints.MapGroup("/v1/admin/api-keys")
            .WithTags("Administration")
            .RequireApiScope(ApiScopes.Admin);
        keys.MapPost("/", CreateAsync)
            .WithSummary("Create an API key; the answer shows the key once")
            .Accepts<ApiKeyRequestDocument>("application/json")
            .Produces<CreatedApiKeyDocument>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        keys.MapGet("/", ListAsync).WithSummary("List the keys created through this API, without their secrets")
            .Produces<IReadOnlyList<ApiKeyListingDocument>>();
        keys.MapDelete("/{keyId}", RevokeAsync)
            .WithSummary("Revoke a key; it stops working at once")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, ApiKeyRegistry registry, IngestionMetrics metrics)
    {
        var (request, problem) = await ValidatedRequest.ReadAsync(http, MaxBodyBytes, Parse, metrics);
        if (request is null)
        {
            return problem!;
        }

        var (key, stored) = await registry.CreateAsync(request.Client, request.Scopes, http.RequestAborted);
        return Results.Created(
            $"/v1/admin/api-keys/{stored.KeyId}",
            new CreatedApiKeyDocument(stored.KeyId, stored.Client, stored.Scopes, key, stored.CreatedAt));
    }

    private static async Task<IResult> ListAsync(ApiKeyRegistry registry, HttpContext http)
    {
        var keys = await registry.ListAsync(http.RequestAborted);
        return Results.Ok(keys
            .OrderBy(key => key.CreatedAt)
            .Select(key => new ApiKeyListingDocument(key.KeyId, key.Client, key.Scopes, key.CreatedAt, key.RevokedAt)));
    }

    private static async Task<IResult> RevokeAsync(string keyId, ApiKeyRegistry registry, HttpContext http) =>
        await registry.RevokeAsync(keyId, http.RequestAborted)
            ? Results.NoContent()
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such API key", detail: $"No key created through this API has the id '{keyId}'.");

    private static ApiKeyRequestDocument? Parse(JsonElement body, ValidationErrors errors)
    {
        if (ObjectReader.Of(body, JsonPaths.Root, errors) is not { } request)
        {
            return null;
        }

        // A label an operator picks, shown back in the listing and in logs: ApiKeyClientNames' rule, read as plain text.
        var client = request.PlainText("client", ApiKeyClientNames.MaxLength, required: true);
        var scopes = new List<string>();
        if (request.Array("scopes", required: true) is { } list)
        {
            var index = 0;
            foreach (var scope in list.EnumerateArray())
            {
                if (scope.ValueKind == JsonValueKind.String && ApiScopes.IsKnown(scope.GetString()!))
                {
                    scopes.Add(scope.GetString()!);
                }
                else
                {
                    errors.Add(JsonPaths.Item("scopes", index), $"Must be one of {string.Join(", ", ApiScopes.All)}.");
                }

                index++;
            }

            if (list.GetArrayLength() == 0)
            {
                request.Error("scopes", "Must grant at least one scope.");
            }
        }

        return client is null || scopes.Count == 0 ? null : new ApiKeyRequestDocument(client, [.. scopes.Distinct(StringComparer.Ordinal)]);
    }
}
