using Tailor.ContentGeneration.Composition;
using Tailor.ContentGeneration.Subjects;

namespace Tailor.ContentGeneration.Generation;

/// <summary>An email's copy and who wrote it: the generator, the model version (null for templates) and the subject choice (null when there was one subject).</summary>
public sealed record WrittenEmail(ComposedEmail Email, string Generator, string? ModelVersion, SubjectChoice? Subject);
