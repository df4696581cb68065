using System.Text.Json;
using Tailor.Contracts;

namespace Tailor.Profiles;

/// <summary>The JSON every profile cache writes slices in, so the in-process and Redis caches hold the same bytes.</summary>
public static class ProfileJson
{
    /// <summary>
    /// Web defaults, with vectors packed (<see cref="PackedFloatsJsonConverter"/>): the interest vector is most of a
    /// profile's bytes, written on every change. Set here rather than on <see cref="InterestsSlice"/>, so a profile
    /// shown over HTTP (a user's export) keeps its vector as numbers.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { Converters = { new PackedFloatsJsonConverter() } };
}
