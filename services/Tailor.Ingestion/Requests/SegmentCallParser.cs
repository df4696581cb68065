using System.Text.Json;
using Tailor.Ingestion.Validation;

namespace Tailor.Ingestion.Requests;

/// <summary>Validates one Segment call, of the endpoint's type or, in a batch, of the type the item names.</summary>
internal static class SegmentCallParser
{
    /// <param name="endpointType">The type the endpoint implies (<c>/v1/track</c>), or null in a batch where <c>type</c> is required.</param>
    public static SegmentCall? Parse(JsonElement element, string path, string? endpointType, CallContext context, ValidationErrors errors)
    {
        if (ObjectReader.Of(element, path, errors) is not { } call)
        {
            return null;
        }

        var type = call.String("type", FieldLimits.Name, required: endpointType is null);
        if (type is not null && !SegmentCallTypes.All.Contains(type))
        {
            call.Error("type", $"Must be one of {string.Join(", ", SegmentCallTypes.All.Select(known => $"\"{known}\""))}.");
            return null;
        }

        if (endpointType is not null && type is not null && type != endpointType)
        {
            call.Error("type", $"Must be \"{endpointType}\" on this endpoint.");
            return null;
        }

        return (endpointType ?? type) switch
        {
            SegmentCallTypes.Track => TrackCallParser.Parse(call, context),
            SegmentCallTypes.Identify => IdentifyCallParser.Parse(call, context),
            SegmentCallTypes.Page => PageCallParser.Parse(call, SegmentCallTypes.Page, context),
            SegmentCallTypes.Screen => PageCallParser.Parse(call, SegmentCallTypes.Screen, context),
            SegmentCallTypes.Group => GroupCallParser.Parse(call, context),
            SegmentCallTypes.Alias => AliasCallParser.Parse(call, context),
            _ => null,
        };
    }
}
