namespace Tailor.ContentGeneration.Subjects;

/// <summary>The subject variants an email's copy offered and the one it carries.</summary>
/// <param name="VariantIds">
/// Stable ids of the variants (the template composer's angles, <c>angle:item</c>, …), one per subject: the bandit then
/// learns per id across every email of the campaign. Null for a model's subjects, which compete as literal lines.
/// </param>
public sealed record SubjectChoice(IReadOnlyList<string> Subjects, int Variant, IReadOnlyList<string>? VariantIds = null)
{
    /// <summary>The name emails, custom args and metrics use for the variant: its id, else <c>subject-1</c>, <c>subject-2</c>, …</summary>
    public string Name => VariantIds is { } ids ? ids[Variant] : $"subject-{Variant + 1}";
}
