using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Tailor.Ingestion.Http;

/// <summary>A parsed body, or the problem to answer instead and its reason (for metrics).</summary>
internal sealed record RequestBodyResult(JsonDocument? Document, IResult? Problem, string? Reason)
{
    public static RequestBodyResult Parsed(JsonDocument document) => new(document, null, null);

    public static RequestBodyResult Rejected(IResult problem, string reason) => new(null, problem, reason);
}
