namespace Tailor.Storage;

/// <summary>A stored document and its version: 1 when inserted, one more at every write.</summary>
public sealed record VersionedDocument(string Json, long Version);
