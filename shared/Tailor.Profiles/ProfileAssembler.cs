using System.Text.Json;

namespace Tailor.Profiles;

/// <summary>Turns a user's stored slices (slice name to JSON) into a <see cref="UserProfile"/>, the same way for every cache.</summary>
internal static class ProfileAssembler
{
    public static string Serialize<TSlice>(TSlice slice)
        where TSlice : IProfileSlice =>
        JsonSerializer.Serialize(slice, ProfileJson.Options);

    /// <summary>Null when the user has no slice at all. Slice names this version does not know are ignored.</summary>
    public static UserProfile? Assemble(string userId, IReadOnlyDictionary<string, string> slices)
    {
        if (slices.Count == 0)
        {
            return null;
        }

        return new UserProfile(
            userId,
            Read<ContactSlice>(slices),
            Read<InterestsSlice>(slices),
            Read<TopicsSlice>(slices),
            Read<RecommendationsSlice>(slices),
            Read<SendTimeSlice>(slices));
    }

    private static TSlice? Read<TSlice>(IReadOnlyDictionary<string, string> slices)
        where TSlice : class, IProfileSlice =>
        slices.TryGetValue(TSlice.SliceName, out var json) ? JsonSerializer.Deserialize<TSlice>(json, ProfileJson.Options) : null;
}
