namespace Tailor.ContentGeneration.Subjects;

/// <summary>The subject variants an email's copy offered and the one it carries.</summary>
public sealed record SubjectChoice(IReadOnlyList<string> Subjects, int Variant)
{
    /// <summary>The name emails, custom args and metrics use for the variant: <c>subject-1</c>, <c>subject-2</c>, …</summary>
    public string Name => $"subject-{Variant + 1}";
}
