using Tailor.Contracts;

namespace Tailor.Ingestion.Contacts;

/// <summary>An address on the suppression list: why, and as of when (a resubscribe must be newer to lift it).</summary>
/// <param name="Reason">The kind of report that suppressed it: unsubscribe, complaint or hard bounce.</param>
/// <param name="Source">
/// The provider's own report behind <paramref name="Reason"/> (<see cref="EmailEngaged.Source"/>, e.g.
/// <c>sendgrid:dropped:Bounced Address</c>); null when the report named none or was kept before sources were.
/// </param>
internal sealed record Suppression(EngagementKind Reason, DateTimeOffset At, bool Lifted, string? Source = null);
