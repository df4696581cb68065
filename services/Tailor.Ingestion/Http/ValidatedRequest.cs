using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Tailor.Ingestion.Accepting;
using Tailor.Ingestion.Validation;

namespace Tailor.Ingestion.Http;

/// <summary>Reads, parses and validates a request body: a value when all of it is valid, else the problem to answer.</summary>
internal static class ValidatedRequest
{
    public static async Task<(TValue? Value, IResult? Problem)> ReadAsync<TValue>(
        HttpContext http,
        int maxBytes,
        Func<JsonElement, ValidationErrors, TValue?> parse,
        IngestionMetrics metrics)
        where TValue : class
    {
        var body = await RequestBody.ReadAsync(http.Request, maxBytes, http.RequestAborted);
        if (body.Document is null)
        {
            metrics.Rejected(body.Reason!);
            return (null, body.Problem);
        }

        using var document = body.Document;
        var errors = new ValidationErrors();
        var value = parse(document.RootElement, errors);
        if (value is null || !errors.IsEmpty)
        {
            metrics.Rejected("invalid");
            return (null, IngestionResults.Invalid(errors));
        }

        return (value, null);
    }
}
