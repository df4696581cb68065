using System.Diagnostics;

namespace Tailor.Profiles.Diagnostics;

/// <summary>The profile cache's trace source and meter; <c>Tailor.*</c> is what the service defaults export.</summary>
public static class ProfileTelemetry
{
    public const string Name = "Tailor.Profiles";

    public const string CacheReadsName = "tailor.profile.cache.reads";
    public const string EventToProfileName = "tailor.profile.event_to_profile.duration";
    public const string FailedWritesName = "tailor.profile.cache.failed_writes";
    public const string RebuiltSlicesName = "tailor.profile.cache.rebuilt_slices";

    /// <summary>The slice a write carries (<c>interests</c>, <c>sendtime</c>...), on spans and on the latency histogram.</summary>
    public const string SliceTag = "tailor.profile.slice";

    /// <summary><c>hit</c> (the user has a profile) or <c>miss</c>, on <see cref="CacheReadsName"/>.</summary>
    public const string ResultTag = "tailor.profile.cache.result";

    internal static ActivitySource Source { get; } = new(Name);
}
