using Microsoft.AspNetCore.Http;
using Tailor.Ingestion.Requests;
using Tailor.Ingestion.Validation;

namespace Tailor.Ingestion.Http;

/// <summary>Every answer the API gives; failures are RFC 9457 problem details.</summary>
internal static class IngestionResults
{
    public static IResult Accepted(int calls) => Results.Ok(new AcceptedDocument(Success: true, calls));

    /// <summary>A batch with some calls accepted: which were refused, each with its errors keyed by JSON path.</summary>
    public static IResult BatchAccepted(BatchParseResult batch) => Results.Ok(new BatchAcceptedDocument(
        Success: true,
        batch.Accepted.Count,
        [.. batch.Rejected.Select(rejected => new RejectedCallDocument(rejected.Index, rejected.Errors.ToDictionary()))]));

    public static IResult Invalid(ValidationErrors errors) => Results.ValidationProblem(errors.ToDictionary());

    public static IResult TooLarge(int maxBytes) => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Request body too large",
        detail: $"The body must be at most {maxBytes} bytes; split it into smaller calls.");

    public static IResult UnsupportedEncoding(string contentEncoding, string supported) => Results.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "Unsupported Content-Encoding",
        detail: $"The body is sent with Content-Encoding '{contentEncoding}'; send it uncompressed or with one of: {supported}.");

    /// <summary>A body that could not be read to its end: a broken transfer or a corrupt compressed stream.</summary>
    public static IResult Unreadable(string detail) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Unreadable request body",
        detail: detail);

    public static IResult Malformed(string detail) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Malformed JSON",
        detail: detail);

    public static IResult Unavailable() => Results.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "Ingestion is unavailable",
        detail: "The request could not be stored and published in full. Send it again: a retried call has one effect.");
}
