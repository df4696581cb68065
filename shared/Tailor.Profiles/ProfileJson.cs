using System.Text.Json;
using Tailor.Contracts;

namespace Tailor.Profiles;

/// <summary>The JSON every profile cache writes slices in, so the in-process and Redis caches hold the same bytes.</summary>
public static class ProfileJson
{
    /// <summary>
    /// Web defaults, with vectors and weeks of hours packed (<see cref="PackedFloatsJsonConverter"/>,
    /// <see cref="PackedDoublesJsonConverter"/>): the interest vector is most of a profile's bytes, and the send-time
    /// slice's 168 weights are written on every event and read for every email. Set here rather than on
    /// <see cref="InterestsSlice"/> and <see cref="SendTimeSlice"/>, so a profile shown over HTTP (a user's export) keeps
    /// them as numbers.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new PackedFloatsJsonConverter(), new PackedDoublesJsonConverter() },
    };
}
