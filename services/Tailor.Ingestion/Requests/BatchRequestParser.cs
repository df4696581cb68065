using System.Text.Json;
using Tailor.Ingestion.Validation;

namespace Tailor.Ingestion.Requests;

/// <summary>Validates <c>{"batch": [call, ...]}</c>; every bad item is reported, by its index.</summary>
internal static class BatchRequestParser
{
    private const string Batch = "batch";

    public static IReadOnlyList<SegmentCall> Parse(JsonElement body, int maxItems, ValidationErrors errors)
    {
        if (ObjectReader.Of(body, JsonPaths.Root, errors)?.Array(Batch, required: true) is not { } items)
        {
            return [];
        }

        var count = items.GetArrayLength();
        if (count == 0 || count > maxItems)
        {
            errors.Add(Batch, $"Must hold between 1 and {maxItems} calls.");
            return [];
        }

        var calls = new List<SegmentCall>(count);
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            if (SegmentCallParser.Parse(item, JsonPaths.Item(Batch, index++), endpointType: null, errors) is { } call)
            {
                calls.Add(call);
            }
        }

        return calls;
    }
}
