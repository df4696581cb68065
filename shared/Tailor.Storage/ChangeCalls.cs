namespace Tailor.Storage;

/// <summary>
/// Tells, inside the change function of one <see cref="DocumentUpdates.UpdateAsync{TDocument}"/> or
/// <see cref="DocumentUpdates.UpdateManyAsync{TDocument}"/>, the first call for a document from a call after its write
/// lost to another writer: what that writer stored may have pushed out of a bounded memory of applied events what the
/// first call found there.
/// </summary>
/// <remarks>One per update (per round of a caller that retries in rounds): it remembers the ids it was asked about.</remarks>
public sealed class ChangeCalls
{
    private readonly HashSet<string> _called = new(StringComparer.Ordinal);

    /// <summary>Whether the change was called for <paramref name="id"/> before: true from the call after a lost write on.</summary>
    public bool AfterLostWrite(string id) => !_called.Add(id);
}
