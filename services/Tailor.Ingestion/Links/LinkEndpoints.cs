using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tailor.Ingestion.Security;
using Tailor.ServiceDefaults;

namespace Tailor.Ingestion.Links;

/// <summary>
/// The links in Tailor's emails, at the root of Ingestion's host (the host <c>TrackingBaseUrl</c> and
/// <c>UnsubscribeBaseUrl</c> name): no API key, each link proves itself with its signature; rate limited per address.
/// </summary>
internal sealed class LinkEndpoints : IEndpointModule
{
    private const string Html = "text/html";
    private const string Form = "application/x-www-form-urlencoded";
    private const string Multipart = "multipart/form-data";

    private const string ClickPattern = "/c/{emailId}/{**itemId}";
    private const string UnsubscribePattern = "/u/{emailId}";

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // HEAD answers as GET does, without a body and changing nothing (RFC 9110): mail scanners and link checkers send
        // it. Left out of the OpenAPI document, where GET implies it.
        Anonymous(endpoints.MapMethods(ClickPattern, [HttpMethods.Head], ClickEndpoint.FollowAsync)).ExcludeFromDescription();
        Anonymous(endpoints.MapMethods(UnsubscribePattern, [HttpMethods.Head], UnsubscribeEndpoints.Page)).ExcludeFromDescription();

        Anonymous(endpoints.MapGet(ClickPattern, ClickEndpoint.FollowAsync))
            .WithSummary("A product link in an email: records the click once and redirects to the item's page")
            .WithDescription(
                "Always 302. A link whose signature s verifies leads to the item's url (or Tailor:Ingestion:Links:FallbackUrl when the " +
                "item has none) and records an EmailEngaged click, once per email, item and kind of clicker (link scanners are " +
                "flagged IsMachineOpen). Any other link leads to FallbackUrl and records nothing. HEAD answers the same redirect and records nothing.")
            .Produces(StatusCodes.Status302Found);

        Anonymous(endpoints.MapGet(UnsubscribePattern, UnsubscribeEndpoints.Page))
            .WithSummary("The unsubscribe link in an email: a confirmation page with one button; opening it changes nothing")
            .WithDescription(
                "Opening it changes nothing and reads nothing: mail scanners open links too, and a signed link's email may not be " +
                "stored yet. A link whose signature does not verify (cut short, changed) is a 404 page.")
            .Produces<string>(StatusCodes.Status200OK, Html)
            .Produces<string>(StatusCodes.Status404NotFound, Html)
            .Produces<string>(StatusCodes.Status503ServiceUnavailable, Html);

        Anonymous(endpoints.MapPost(UnsubscribePattern, UnsubscribeEndpoints.UnsubscribeAsync))
            .WithSummary("One-click unsubscribe (RFC 8058): suppresses the address for every user holding it, then answers 200")
            .WithDescription(
                "Body List-Unsubscribe=One-Click (URL-encoded or multipart). No API key, no redirect. Every user id with the email's " +
                "address is suppressed before the answer; an EmailEngaged Unsubscribe is stored and published. Repeating it has one effect. " +
                "A signed link whose email Ingestion has not stored yet (its EmailsWritten page still queued behind the sender's " +
                "EmailReady) answers 200 with a page saying the request is recorded: the unsubscribe is held and applied, at the time it " +
                "was pressed, once the email is stored. An erased user's email cannot be told from one not stored yet: that press is held " +
                "too, names no user, and is dropped after ConsentHold (7 days), counted consent_expired. Failures are problem details, or " +
                "a page when Accept names text/html.")
            .Accepts<OneClickForm>(Form, Multipart)
            .Produces<string>(StatusCodes.Status200OK, Html)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        Anonymous(endpoints.MapPost("/u/{emailId}/resubscribe", UnsubscribeEndpoints.ResubscribeAsync))
            .WithSummary("Undo an unsubscribe made through the same link (the page's second button)")
            .WithDescription(
                "Lifts the suppression (an EmailEngaged Resubscribe). Held like an unsubscribe when its email is not stored yet (a 200 " +
                "page saying so), and applied after the unsubscribe pressed before it. A link whose signature does not verify is a 404.")
            .Produces<string>(StatusCodes.Status200OK, Html)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static RouteHandlerBuilder Anonymous(RouteHandlerBuilder route) =>
        route.WithTags("Email links")
            .AllowAnonymous()
            .RequireRateLimiting(PerKeyRateLimit.PolicyName)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}

/// <summary>The body of a one-click unsubscribe (described in the OpenAPI document; read by hand).</summary>
/// <param name="ListUnsubscribe">Always <c>One-Click</c>; the form field is named <c>List-Unsubscribe</c>.</param>
internal sealed record OneClickForm([property: System.Text.Json.Serialization.JsonPropertyName("List-Unsubscribe")] string ListUnsubscribe);
