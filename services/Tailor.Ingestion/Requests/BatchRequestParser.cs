using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Tailor.Ingestion.Validation;

namespace Tailor.Ingestion.Requests;

/// <summary>
/// Validates <c>{"batch": [call, ...], "sentAt"?, "context"?, "integrations"?}</c>. Each call is judged on its own: a bad
/// one rejects only itself, with its errors keyed by its path (<c>batch[3].userId</c>). Each call is held to the size
/// limit it would have sent alone (<see cref="IngestionOptions.MaxCallBytes"/>), so a batch is no way around it.
/// </summary>
internal static class BatchRequestParser
{
    private const string Batch = "batch";

    /// <param name="maxCallBytes">The most UTF-8 bytes one call's JSON text may take, as written in the batch.</param>
    /// <param name="errors">Problems with the batch as a whole, which reject all of it.</param>
    public static BatchParseResult? Parse(
        JsonElement body, int maxItems, int maxCallBytes, Func<DateTimeOffset?, CallContext> contextFor, ValidationErrors errors)
    {
        if (ObjectReader.Of(body, JsonPaths.Root, errors) is not { } request || request.Array(Batch, required: true) is not { } items)
        {
            return null;
        }

        // Segment's libraries stamp sentAt once per batch; calls without their own are corrected by it.
        var sentAt = request.Timestamp("sentAt");
        request.Object("context");
        request.Object("integrations");
        var count = items.GetArrayLength();
        if (count == 0 || count > maxItems)
        {
            errors.Add(Batch, $"Must hold between 1 and {maxItems} calls.");
        }

        if (!errors.IsEmpty)
        {
            return null;
        }

        var context = contextFor(sentAt);
        var result = new BatchParseResult();
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var itemErrors = new ValidationErrors();
            var path = JsonPaths.Item(Batch, index);
            SegmentCall? call = null;
            if (TooLarge(item, maxCallBytes) is { } tooLarge)
            {
                itemErrors.Add(path, tooLarge);
            }
            else
            {
                call = SegmentCallParser.Parse(item, path, endpointType: null, context, itemErrors);
            }

            if (call is not null && itemErrors.IsEmpty)
            {
                result.Accepted.Add((index, call));
            }
            else
            {
                result.Rejected.Add((index, itemErrors));
            }

            index++;
        }

        return result;
    }

    // The call's text as sent, so it counts what the same call would weigh as a body of its own.
    private static string? TooLarge(JsonElement call, int maxCallBytes) =>
        JsonMarshal.GetRawUtf8Value(call).Length is var bytes && bytes > maxCallBytes
            ? string.Create(CultureInfo.InvariantCulture, $"Is {bytes} bytes; a call may be at most {maxCallBytes} (Tailor:Ingestion:MaxCallBytes), in a batch as when sent alone.")
            : null;
}

/// <summary>The calls of a batch that are valid, with their index, and the errors of those that are not.</summary>
internal sealed class BatchParseResult
{
    public List<(int Index, SegmentCall Call)> Accepted { get; } = [];

    public List<(int Index, ValidationErrors Errors)> Rejected { get; } = [];
}
