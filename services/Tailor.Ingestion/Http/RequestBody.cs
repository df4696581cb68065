using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Tailor.Ingestion.Validation;

namespace Tailor.Ingestion.Http;

/// <summary>
/// Reads a JSON body of at most a given size: every endpoint that takes a body reads it here. Read by hand rather than
/// bound to a type, so a body of the wrong shape still reaches validation and every bad field is named, and anything
/// that is not one unambiguous JSON text gets problem details: a 413 past the limit, a 415 for a coding Tailor cannot
/// undo, a 400 for the rest (a broken transfer, a corrupt gzip stream, malformed JSON, invalid text, a repeated key).
/// </summary>
internal static class RequestBody
{
    private const int ChunkBytes = 16 * 1024;

    public static async Task<RequestBodyResult> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        // The limit holds for the body as sent and again once decoded: a small gzip stream can expand a thousandfold.
        if (request.ContentLength > maxBytes)
        {
            return RequestBodyResult.Rejected(IngestionResults.TooLarge(maxBytes), "too-large");
        }

        LimitBodyAsSent(request, maxBytes);
        var sent = new SentBodyEnds(request.Body);
        if (ContentCodings.Decoded(request, sent, out var unsupported) is not { } decoded)
        {
            return RequestBodyResult.Rejected(IngestionResults.UnsupportedEncoding(unsupported!, ContentCodings.Supported), "unsupported-encoding");
        }

        byte[] raw;
        try
        {
            await using var owned = decoded == sent ? null : decoded;
            if (await ReadAtMostAsync(decoded, maxBytes, cancellationToken) is not { } read)
            {
                return RequestBodyResult.Rejected(IngestionResults.TooLarge(maxBytes), "too-large");
            }

            // The decompressor stops at the end of the deflate data: read what is left of the body as sent (the
            // stream's trailer, and anything after it), within the limit, to see that it ends where it should.
            if (owned is not null && await ReadAtMostAsync(sent, maxBytes - (int)Math.Min(sent.Count, maxBytes), cancellationToken) is null)
            {
                return RequestBodyResult.Rejected(IngestionResults.TooLarge(maxBytes), "too-large");
            }

            if (ContentCodings.Incomplete(request, sent, read) is { } incomplete)
            {
                return RequestBodyResult.Rejected(IngestionResults.Unreadable(incomplete), "unreadable");
            }

            raw = read;
        }
        catch (BadHttpRequestException unreadable) when (unreadable.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return RequestBodyResult.Rejected(IngestionResults.TooLarge(maxBytes), "too-large");
        }
        catch (IOException unreadable)
        {
            // The transfer itself is broken (a chunk size that is not hex, a body shorter than its Content-Length): the
            // client's fault, so a 400, never the 500 an unhandled exception would be. Kestrel says so with a
            // BadHttpRequestException, or with a bare IOException for a chunk size past 2^31. If the client has gone,
            // nobody reads the answer, and nothing is logged as a server error either.
            return RequestBodyResult.Rejected(IngestionResults.Unreadable(unreadable.Message), "unreadable");
        }
        catch (InvalidDataException corrupt)
        {
            return RequestBodyResult.Rejected(IngestionResults.Unreadable(ContentCodings.Corrupt(request, sent, corrupt)), "unreadable");
        }

        return Parse(raw);
    }

    private static RequestBodyResult Parse(byte[] raw)
    {
        if (raw.Length == 0)
        {
            return RequestBodyResult.Rejected(IngestionResults.Malformed("The request body is empty; send a JSON object."), "malformed");
        }

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
            return RequestBodyResult.Rejected(IngestionResults.Malformed(MalformedJsonDetail.Of(malformed)), "malformed");
        }

        switch (JsonText.FindFault(document.RootElement))
        {
            case null:
                return RequestBodyResult.Parsed(document, raw);
            case { Kind: JsonTextFaultKind.DuplicateKey } duplicate:
                document.Dispose();
                var errors = new ValidationErrors();
                errors.Add(duplicate.Path, "Appears more than once in its object; send each key once.");
                return RequestBodyResult.Rejected(IngestionResults.Invalid(errors), "duplicate-key");
            case { } invalid:
                document.Dispose();
                return RequestBodyResult.Rejected(IngestionResults.Malformed($"The text at {invalid.Path} is not valid Unicode (a lone surrogate escape?)."), "malformed");
        }
    }

    /// <summary>
    /// Has the server refuse more than the limit of the body as sent (Kestrel answers a longer chunked body with a
    /// <see cref="BadHttpRequestException"/> of status 413), so a compressed body that expands to little cannot keep a
    /// request reading either. A server without the feature (the test server) relies on the checks here alone.
    /// </summary>
    private static void LimitBodyAsSent(HttpRequest request, int maxBytes)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }
    }

    /// <returns>The bytes, or null as soon as there are more than <paramref name="maxBytes"/>: nothing past the limit is read.</returns>
    private static async Task<byte[]?> ReadAtMostAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk.AsMemory(0, Math.Min(ChunkBytes, maxBytes + 1 - (int)buffer.Length)), cancellationToken)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > maxBytes)
                {
                    return null;
                }
            }

            return buffer.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
