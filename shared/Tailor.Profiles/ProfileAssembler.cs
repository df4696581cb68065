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

    /// <summary>The profile with only <paramref name="slices"/> kept (all when null); null when none of them is there.</summary>
    public static UserProfile? Only(UserProfile? profile, IReadOnlyCollection<string>? slices)
    {
        if (profile is null || slices is null)
        {
            return profile;
        }

        var only = new UserProfile(
            profile.UserId,
            slices.Contains(ContactSlice.SliceName) ? profile.Contact : null,
            slices.Contains(InterestsSlice.SliceName) ? profile.Interests : null,
            slices.Contains(TopicsSlice.SliceName) ? profile.Topics : null,
            slices.Contains(RecommendationsSlice.SliceName) ? profile.Recommendations : null,
            slices.Contains(SendTimeSlice.SliceName) ? profile.SendTime : null);
        return only is { Contact: null, Interests: null, Topics: null, Recommendations: null, SendTime: null } ? null : only;
    }

    private static TSlice? Read<TSlice>(IReadOnlyDictionary<string, string> slices)
        where TSlice : class, IProfileSlice =>
        slices.TryGetValue(TSlice.SliceName, out var json) ? JsonSerializer.Deserialize<TSlice>(json, ProfileJson.Options) : null;
}
