using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tailor.Contracts;
using Tailor.Ingestion.Accepting;
using Tailor.Ingestion.Engagements;
using Tailor.Ingestion.Http;
using Tailor.Links;

namespace Tailor.Ingestion.Links;

/// <summary>
/// <c>/u/{emailId}?s=…</c>: GET shows the confirmation page and changes nothing (link scanners open every link);
/// POST with <c>List-Unsubscribe=One-Click</c> unsubscribes at once (RFC 8058: no login, no redirect, a 200);
/// <c>POST /u/{emailId}/resubscribe?s=…</c> undoes it. A link whose signature does not verify is a 404 and touches nothing.
/// The signature proves Tailor wrote the email, so a change whose email Ingestion has not stored yet (its
/// <c>EmailsWritten</c> page still queued behind the sender's <c>EmailReady</c>) is held and applied once it is
/// (<see cref="EarlyEngagements"/>): an unsubscribe is never lost.
/// </summary>
internal static class UnsubscribeEndpoints
{
    /// <summary>The largest form accepted: the one-click body is 26 bytes; a browser's form adds little.</summary>
    public const int MaxFormBytes = 8 * 1024;

    private static readonly FormOptions FormLimits = new()
    {
        ValueCountLimit = 16,
        KeyLengthLimit = 256,
        ValueLengthLimit = 1024,
        MultipartBodyLengthLimit = MaxFormBytes,
        MultipartBoundaryLengthLimit = 128,
        MultipartHeadersCountLimit = 8,
        MultipartHeadersLengthLimit = 2048,
        BufferBodyLengthLimit = MaxFormBytes,
    };

    /// <summary>The question, for every link Tailor signed: its email may not be stored yet, and pressing works either way.</summary>
    public static IResult Page(
        HttpContext http,
        string emailId,
        [FromQuery(Name = LinkSignature.QueryParameter)] string? s,
        LinkSignature signature,
        IOptions<LinkOptions> options,
        IngestionMetrics metrics)
    {
        var brand = options.Value.BrandName;
        return Verified(emailId, s, signature, metrics) is { } id
            ? LinkAnswers.Page(http, StatusCodes.Status200OK, UnsubscribePage.Confirm(brand, id, s!))
            : LinkAnswers.Page(http, StatusCodes.Status404NotFound, UnsubscribePage.NotFound(brand));
    }

    public static async Task<IResult> UnsubscribeAsync(
        HttpContext http,
        string emailId,
        [FromQuery(Name = LinkSignature.QueryParameter)] string? s,
        SubscriptionChanges changes,
        EarlyEngagements engagements,
        LinkSignature signature,
        IOptions<LinkOptions> options,
        IngestionMetrics metrics,
        ILogger<SubscriptionChanges> logger)
    {
        var brand = options.Value.BrandName;
        if (Verified(emailId, s, signature, metrics) is not { } id)
        {
            return UnknownLink();
        }

        if (await ReadOneClickAsync(http) is { } refused)
        {
            metrics.Rejected("invalid");
            return refused;
        }

        return await ChangeAsync(
            http, changes.Press(id, EngagementKind.Unsubscribe), engagements, logger, UnsubscribePage.Unsubscribed(brand, id, s!), UnsubscribePage.UnsubscribeHeld(brand, id, s!));
    }

    public static async Task<IResult> ResubscribeAsync(
        HttpContext http,
        string emailId,
        [FromQuery(Name = LinkSignature.QueryParameter)] string? s,
        SubscriptionChanges changes,
        EarlyEngagements engagements,
        LinkSignature signature,
        IOptions<LinkOptions> options,
        IngestionMetrics metrics,
        ILogger<SubscriptionChanges> logger)
    {
        var brand = options.Value.BrandName;
        return Verified(emailId, s, signature, metrics) is not { } id
            ? UnknownLink()
            : await ChangeAsync(
                http, changes.Press(id, EngagementKind.Resubscribe), engagements, logger, UnsubscribePage.Resubscribed(brand, id, s!), UnsubscribePage.ResubscribeHeld(brand, id, s!));
    }

    /// <summary>Applies the change, or holds it until its email is stored; either way it is recorded before the answer.</summary>
    private static Task<IResult> ChangeAsync(
        HttpContext http, EmailEngagement change, EarlyEngagements engagements, ILogger logger, string donePage, string heldPage) =>
        StoreFailures.AnswerAsync(
            http,
            logger,
            async cancellationToken =>
            {
                if ((await engagements.AcceptAsync([change], cancellationToken)).Held > 0)
                {
                    Log.SubscriptionChangeHeld(logger, change.Kind, change.EmailId);
                    return LinkAnswers.Page(http, StatusCodes.Status200OK, heldPage);
                }

                return LinkAnswers.Page(http, StatusCodes.Status200OK, donePage);
            },
            () => Results.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Ingestion is unavailable",
                detail: "The request could not be applied in full. Send it again: a repeated request has one effect."));

    private static Guid? Verified(string emailId, string? s, LinkSignature signature, IngestionMetrics metrics)
    {
        if (LinkRequest.EmailId(emailId) is { } id && signature.IsValidUnsubscribe(id, s))
        {
            return id;
        }

        metrics.Rejected("link-signature");
        return null;
    }

    // Problems become pages for a browser (LinkProblemPages).
    private static IResult UnknownLink() => Results.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Unknown unsubscribe link",
        detail: "No email Tailor wrote has this link: it is incomplete (check that its s parameter was copied in full) or was not made by Tailor.");

    /// <summary>Null when the body is RFC 8058's <c>List-Unsubscribe=One-Click</c>, as a URL-encoded or multipart form; else the problem.</summary>
    private static async Task<IResult?> ReadOneClickAsync(HttpContext http)
    {
        var request = http.Request;
        if (!request.HasFormContentType)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported Media Type",
                detail: "Send the form List-Unsubscribe=One-Click as application/x-www-form-urlencoded or multipart/form-data (RFC 8058).");
        }

        if (request.ContentLength > MaxFormBytes)
        {
            return IngestionResults.TooLarge(MaxFormBytes);
        }

        // Kestrel then refuses a longer chunked body too; the test server has no such feature.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxFormBytes;
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(FormLimits, http.RequestAborted);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return IngestionResults.TooLarge(MaxFormBytes);
        }
        catch (Exception malformed) when (malformed is InvalidDataException or BadHttpRequestException or IOException)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed form", detail: malformed.Message);
        }

        return form.TryGetValue(UnsubscribePage.OneClickField, out var values) && values.Count == 1
            && string.Equals(values[0], UnsubscribePage.OneClickValue, StringComparison.OrdinalIgnoreCase)
                ? null
                : Results.ValidationProblem(new Dictionary<string, string[]>
                {
                    [UnsubscribePage.OneClickField] = ["Must be One-Click, once: the body of a one-click unsubscribe is List-Unsubscribe=One-Click (RFC 8058)."],
                });
    }
}
