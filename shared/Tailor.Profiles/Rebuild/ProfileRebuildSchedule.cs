namespace Tailor.Profiles.Rebuild;

/// <summary>
/// How often the markers are checked, after the check at start: Redis can lose its data while the process runs, and
/// a rebuild that failed is tried again at the next check.
/// </summary>
public sealed record ProfileRebuildSchedule(TimeSpan CheckInterval);
