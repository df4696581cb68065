using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Tailor.Ingestion.Http;

/// <summary>
/// Reads a JSON body of at most a given size. Read by hand rather than bound to a type, so a body of the wrong
/// shape still reaches validation and every bad field is named, and malformed JSON gets problem details.
/// </summary>
internal static class RequestBody
{
    private const int ChunkBytes = 16 * 1024;

    public static async Task<RequestBodyResult> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return RequestBodyResult.Rejected(IngestionResults.TooLarge(maxBytes), "too-large");
        }

        // Chunked bodies carry no Content-Length, so the limit is enforced again while reading.
        var body = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk.AsMemory(0, ChunkBytes), cancellationToken)) > 0)
            {
                if (body.Length + read > maxBytes)
                {
                    return RequestBodyResult.Rejected(IngestionResults.TooLarge(maxBytes), "too-large");
                }

                body.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        if (body.Length == 0)
        {
            return RequestBodyResult.Rejected(IngestionResults.Malformed("The request body is empty; send a JSON object."), "malformed");
        }

        var raw = body.ToArray();
        if (!System.Text.Unicode.Utf8.IsValid(raw))
        {
            return RequestBodyResult.Rejected(IngestionResults.Malformed("The body is not valid UTF-8."), "malformed");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(raw);
        }
        catch (JsonException malformed)
        {
            return RequestBodyResult.Rejected(IngestionResults.Malformed(malformed.Message), "malformed");
        }

        if (JsonText.FindInvalid(document.RootElement) is { } invalid)
        {
            document.Dispose();
            return RequestBodyResult.Rejected(IngestionResults.Malformed($"The text at {invalid} is not valid Unicode (a lone surrogate escape?)."), "malformed");
        }

        return RequestBodyResult.Parsed(document, raw);
    }
}
