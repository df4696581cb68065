using Microsoft.AspNetCore.Http;

namespace Tailor.Ingestion.Webhooks;

/// <summary>The problem details webhook endpoints answer with.</summary>
internal static class WebhookProblems
{
    public static IResult NotConfigured(string provider) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Webhook not configured",
        detail: $"The {provider} webhook is off until its secret is configured under {WebhookOptions.Section}.");

    public static IResult Unauthenticated(string detail) => Results.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "Webhook not authenticated",
        detail: detail);

    public static IResult Replayed(string detail) => Results.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Webhook replayed",
        detail: detail);

    public static IResult Invalid(string detail) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Invalid webhook",
        detail: detail);

    public static IResult NotConfirmed(string detail) => Results.Problem(
        statusCode: StatusCodes.Status502BadGateway,
        title: "Subscription not confirmed",
        detail: detail);
}
