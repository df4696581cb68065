namespace Tailor.Storage;

/// <summary>
/// One write of <see cref="IDocumentStore.TryWriteManyAsync"/>: an insert when <paramref name="ExpectedVersion"/> is
/// null (as <see cref="IDocumentStore.TryInsertAsync"/>), otherwise a replace of that version (as
/// <see cref="IDocumentStore.TryReplaceAsync"/>).
/// </summary>
public sealed record ConditionalWrite(string Id, string Json, long? ExpectedVersion);
