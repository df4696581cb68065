using Tailor.Contracts;

namespace Tailor.Ingestion.Contacts;

/// <summary>An address on the suppression list: why, and as of when (a resubscribe must be newer to lift it).</summary>
internal sealed record Suppression(EngagementKind Reason, DateTimeOffset At, bool Lifted);
