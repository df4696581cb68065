using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.OpenApi;
using Tailor.Ingestion.Http;
using Tailor.Ingestion.Security;
using Tailor.ServiceDefaults;

namespace Tailor.Ingestion.Users;

/// <summary>
/// <c>DELETE /v1/users/{id}</c> (erasure) and <c>GET /v1/users/{id}/export</c> (access); admin scope. The id may hold
/// any character: see <see cref="UserIdPath"/>.
/// </summary>
internal sealed class UserDataEndpoints : IEndpointModule
{
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var users = endpoints.MapGroup("/v1/users")
            .WithTags("Users")
            .RequireApiScope(ApiScopes.Admin)
            .ProducesValidationProblem();

        // The handlers read the id from the request target as sent (UserIdPath), not from the route value, so the id
        // may come percent-encoded as one segment (what HTTP libraries send) or with its slashes as slashes: erasure's
        // route takes the whole rest of the path, export has a second, undocumented catch-all route for the latter.
        users.MapDelete("/{**userId}", EraseAsync)
            .WithSummary("Erase a user from the event log, the profile cache and every service's outputs")
            .AddOpenApiOperationTransformer(DescribeUserIdAsync)
            .Produces(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        users.MapGet("/{userId}/" + UserIdPath.ExportSegment, ExportAsync)
            .WithSummary("Everything Tailor holds about a user")
            .AddOpenApiOperationTransformer(DescribeUserIdAsync)
            .ProducesProblem(StatusCodes.Status404NotFound);
        users.MapGet("/{**userPath}", ExportAsync).ExcludeFromDescription();
    }

    // The handlers bind no route value, so the document learns of the id from here.
    private static Task DescribeUserIdAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "userId",
            In = ParameterLocation.Path,
            Required = true,
            Description = "The user id as track and identify received it, percent-encoded as UTF-8 (a slash is %2F, a % is %25, a space %20; + is a plus). Slashes sent as slashes work too.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = Validation.FieldLimits.Id },
        });
        return Task.CompletedTask;
    }

    private static async Task<IResult> EraseAsync(HttpContext http, UserErasure erasure, ILogger<UserDataEndpoints> logger)
    {
        var (userId, problem) = UserIdPath.Read(http, suffix: null);
        if (userId is null)
        {
            return problem!;
        }

        return await StoreFailures.AnswerAsync(http, logger, async cancellationToken =>
        {
            var erased = await erasure.EraseAsync(userId, cancellationToken);
            return Results.Accepted(value: new { erasureId = erased.EventId, userId, requestedAt = erased.OccurredAt });
        });
    }

    private static async Task<IResult> ExportAsync(HttpContext http, UserExport export)
    {
        var (userId, problem) = UserIdPath.Read(http, UserIdPath.ExportSegment);
        if (userId is null)
        {
            return problem!;
        }

        return await export.ExportAsync(userId, http.RequestAborted) is { } document
            ? Results.Ok(document)
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown user", detail: "Tailor holds nothing about this user.");
    }
}
