using System.Text.Json;

namespace Tailor.Profiles;

/// <summary>The JSON every profile cache writes slices in, so the in-process and Redis caches hold the same bytes.</summary>
public static class ProfileJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
