using Tailor.Contracts;

namespace Tailor.Profiles;

/// <summary>Written by Ingestion: how to reach the user and whether we may.</summary>
/// <param name="Suppressed">The address is on the suppression list (unsubscribed, complained or hard-bounced, from any user id).</param>
/// <param name="GroupIds">The groups (accounts) the user belongs to, from Segment <c>group</c> calls; null when none.</param>
public sealed record ContactSlice(
    string? Email,
    string? FirstName,
    string? Country,
    string? TimeZone,
    bool EmailConsent,
    DateTimeOffset UpdatedAt,
    bool Suppressed = false,
    IReadOnlyList<string>? GroupIds = null) : IProfileSlice
{
    public static string SliceName => "contact";
}

/// <summary>Written by Embedding; <see cref="Vector"/> compares only with vectors of the same model and model version.</summary>
public sealed record InterestsSlice(string Model, string ModelVersion, float[] Vector, int EvidenceCount, DateTimeOffset UpdatedAt) : IProfileSlice
{
    public static string SliceName => "interests";
}

/// <summary>Written by Topic.</summary>
public sealed record TopicsSlice(
    string ModelVersion,
    IReadOnlyList<double> Mixture,
    int DominantTopic,
    string DominantLabel,
    DateTimeOffset UpdatedAt) : IProfileSlice
{
    public static string SliceName => "topics";
}

/// <summary>Written by Recommendation: the items to show, best first.</summary>
public sealed record RecommendationsSlice(
    string ModelVersion,
    IReadOnlyList<RecommendedItem> Items,
    DateTimeOffset UpdatedAt) : IProfileSlice
{
    public static string SliceName => "recommendations";
}
