using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Tailor.Ingestion.Http;

/// <summary>
/// A parsed body and its bytes as the sender wrote them, after any <c>Content-Encoding</c> is undone (signatures cover
/// those), or the problem to answer instead and its reason (for metrics).
/// </summary>
internal sealed record RequestBodyResult(JsonDocument? Document, ReadOnlyMemory<byte> Raw, IResult? Problem, string? Reason)
{
    public static RequestBodyResult Parsed(JsonDocument document, ReadOnlyMemory<byte> raw) => new(document, raw, null, null);

    public static RequestBodyResult Rejected(IResult problem, string reason) => new(null, ReadOnlyMemory<byte>.Empty, problem, reason);
}
