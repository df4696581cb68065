namespace Tailor.Storage;

/// <summary>A stored document and its version: 1 when inserted, one more at every write.</summary>
public sealed record VersionedDocument(string Json, long Version);

/// <summary>A stored document, deserialised, and its version.</summary>
public sealed record Versioned<TDocument>(TDocument Document, long Version)
    where TDocument : class;
