using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tailor.Contracts;
using Tailor.Ingestion.Accepting;
using Tailor.Ingestion.Http;
using Tailor.Links;

namespace Tailor.Ingestion.Links;

/// <summary>
/// <c>/u/{emailId}?s=…</c>: GET shows the confirmation page and changes nothing (link scanners open every link);
/// POST with <c>List-Unsubscribe=One-Click</c> unsubscribes at once (RFC 8058: no login, no redirect, a 200);
/// <c>POST /u/{emailId}/resubscribe?s=…</c> undoes it. A link whose signature does not verify is a 404 and touches nothing.
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

    public static async Task<IResult> PageAsync(
        HttpContext http,
        string emailId,
        [FromQuery(Name = LinkSignature.QueryParameter)] string? s,
        SubscriptionChanges changes,
        LinkSignature signature,
        IOptions<LinkOptions> options,
        IngestionMetrics metrics,
        ILogger<SubscriptionChanges> logger)
    {
        var brand = options.Value.BrandName;
        if (Verified(emailId, s, signature, metrics) is not { } id)
        {
            return LinkAnswers.Page(http, StatusCodes.Status404NotFound, UnsubscribePage.NotFound(brand));
        }

        return await StoreFailures.AnswerAsync(
            http,
            logger,
            async cancellationToken => await changes.FindEmailAsync(id, cancellationToken) is null
                ? LinkAnswers.Page(http, StatusCodes.Status200OK, UnsubscribePage.Erased(brand))
                : LinkAnswers.Page(http, StatusCodes.Status200OK, UnsubscribePage.Confirm(brand, id, s!)),
            () => LinkAnswers.Page(http, StatusCodes.Status503ServiceUnavailable, UnsubscribePage.Unavailable(brand)));
    }

    public static async Task<IResult> UnsubscribeAsync(
        HttpContext http,
        string emailId,
        [FromQuery(Name = LinkSignature.QueryParameter)] string? s,
        SubscriptionChanges changes,
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

        return await ChangeAsync(http, id, EngagementKind.Unsubscribe, changes, logger, brand, UnsubscribePage.Unsubscribed(brand, id, s!));
    }

    public static async Task<IResult> ResubscribeAsync(
        HttpContext http,
        string emailId,
        [FromQuery(Name = LinkSignature.QueryParameter)] string? s,
        SubscriptionChanges changes,
        LinkSignature signature,
        IOptions<LinkOptions> options,
        IngestionMetrics metrics,
        ILogger<SubscriptionChanges> logger)
    {
        var brand = options.Value.BrandName;
        return Verified(emailId, s, signature, metrics) is not { } id
            ? UnknownLink()
            : await ChangeAsync(http, id, EngagementKind.Resubscribe, changes, logger, brand, UnsubscribePage.Resubscribed(brand, id, s!));
    }

    private static Task<IResult> ChangeAsync(
        HttpContext http, Guid emailId, EngagementKind kind, SubscriptionChanges changes, ILogger logger, string brand, string donePage) =>
        StoreFailures.AnswerAsync(
            http,
            logger,
            async cancellationToken =>
            {
                if (await changes.FindEmailAsync(emailId, cancellationToken) is not { } email)
                {
                    Log.SubscriptionChangeOfUnknownEmail(logger, kind, emailId);
                    return Erased(http, kind, brand);
                }

                await changes.ApplyAsync(email, kind, cancellationToken);
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

    /// <summary>
    /// A signed link whose email Tailor no longer holds: its user was erased, with their emails and address, and nothing
    /// is sent to an erased user. An unsubscribe has nothing left to do, so it succeeds (RFC 8058 expects a 2xx) and
    /// records nothing about the person; a resubscribe cannot be done (410).
    /// </summary>
    private static IResult Erased(HttpContext http, EngagementKind kind, string brand) => kind == EngagementKind.Unsubscribe
        ? LinkAnswers.Page(http, StatusCodes.Status200OK, UnsubscribePage.Erased(brand))
        : Results.Problem(
            statusCode: StatusCodes.Status410Gone,
            title: "Recipient erased",
            detail: "Tailor no longer holds this email or its recipient (their data was erased), so there is no subscription to restore.");

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
