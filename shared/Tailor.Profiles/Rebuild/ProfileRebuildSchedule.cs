namespace Tailor.Profiles.Rebuild;

/// <summary>
/// When the markers are checked: at start, then every <paramref name="CheckInterval"/> (Redis can lose its data while
/// the process runs), or only at start (the in-process cache lives and dies with the process).
/// </summary>
/// <param name="Lease">How long a claimed rebuild blocks other replicas' before it is taken as abandoned.</param>
public sealed record ProfileRebuildSchedule(TimeSpan? CheckInterval, TimeSpan Lease);
