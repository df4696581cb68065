namespace Tailor.ContentGeneration.Generation;

/// <summary>A checked draft, and the model that wrote it.</summary>
public sealed record GeneratedCopy(EmailCopyDraft Draft, string ModelVersion);
