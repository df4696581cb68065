using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Tailor.Ingestion.Http;
using Tailor.Ingestion.Security;
using Tailor.Ingestion.Validation;
using Tailor.ServiceDefaults;

namespace Tailor.Ingestion.Users;

/// <summary><c>DELETE /v1/users/{id}</c> (erasure) and <c>GET /v1/users/{id}/export</c> (access); admin scope.</summary>
internal sealed class UserDataEndpoints : IEndpointModule
{
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var users = endpoints.MapGroup("/v1/users")
            .WithTags("Users")
            .RequireApiScope(ApiScopes.Admin)
            .ProducesValidationProblem();
        users.MapDelete("/{userId}", EraseAsync)
            .WithSummary("Erase a user from the event log, the profile cache and every service's outputs")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        users.MapGet("/{userId}/export", ExportAsync)
            .WithSummary("Everything Tailor holds about a user")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> EraseAsync(string userId, HttpContext http, UserErasure erasure, ILogger<UserDataEndpoints> logger)
    {
        if (InvalidUserId(userId) is { } invalid)
        {
            return invalid;
        }

        return await StoreFailures.AnswerAsync(http, logger, async cancellationToken =>
        {
            var erased = await erasure.EraseAsync(userId, cancellationToken);
            return Results.Accepted(value: new { erasureId = erased.EventId, userId, requestedAt = erased.OccurredAt });
        });
    }

    private static async Task<IResult> ExportAsync(string userId, HttpContext http, UserExport export)
    {
        if (InvalidUserId(userId) is { } invalid)
        {
            return invalid;
        }

        return await export.ExportAsync(userId, http.RequestAborted) is { } document
            ? Results.Ok(document)
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown user", detail: "Tailor holds nothing about this user.");
    }

    private static IResult? InvalidUserId(string userId)
    {
        if (userId.Length <= FieldLimits.Id && !userId.Any(char.IsControl) && !string.IsNullOrWhiteSpace(userId))
        {
            return null;
        }

        var errors = new ValidationErrors();
        errors.Add("userId", $"Must be a user id of at most {FieldLimits.Id} characters without control characters.");
        return IngestionResults.Invalid(errors);
    }
}
