using Tailor.Messaging;

namespace Tailor.Ingestion.Identities;

/// <summary>
/// One process-wide set of locks per anonymous id: holding an anonymous call and linking its id to a user must not
/// interleave, or a call held just after the link's read would wait for a link that already happened.
/// </summary>
internal sealed class IdentityLinkLocks
{
    public KeyedLocks Locks { get; } = new();
}
