namespace Tailor.Profiles;

/// <summary>Everything Tailor knows about a user, read whole by ContentGeneration. Missing slices are null.</summary>
public sealed record UserProfile(
    string UserId,
    ContactSlice? Contact,
    InterestsSlice? Interests,
    TopicsSlice? Topics,
    RecommendationsSlice? Recommendations,
    SendTimeSlice? SendTime);
