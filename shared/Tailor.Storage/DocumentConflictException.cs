namespace Tailor.Storage;

/// <summary>
/// An update lost the race for one document more times than it may retry in place. Nothing was written; the caller's
/// retry policy (MassTransit's, for a consumer) runs it again later, when the other writers have moved on.
/// </summary>
public sealed class DocumentConflictException(string collection, string id, int attempts)
    : Exception($"Document '{id}' of '{collection}' changed under {attempts} attempts in a row to update it.")
{
    public string Collection { get; } = collection;

    public string Id { get; } = id;
}
