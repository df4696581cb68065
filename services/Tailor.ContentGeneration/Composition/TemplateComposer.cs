using Microsoft.Extensions.Options;
using Tailor.ContentGeneration.Copy;

namespace Tailor.ContentGeneration.Composition;

/// <summary>
/// Writes an email from <see cref="EmailFacts"/> with templates (<see cref="TemplateCopyWriter"/>): deterministic (same
/// facts, same bytes) and grounded (every name, label, title, reason and price comes from the facts).
/// <see cref="EmailLayout"/> builds the HTML and text.
/// </summary>
public sealed class TemplateComposer(IOptions<ContentGenerationOptions> options, EmailLayout layout)
{
    public const int MaxSubjectLength = TemplateCopyWriter.MaxSubjectLength;
    public const int MaxPreheaderLength = TemplateCopyWriter.MaxPreheaderLength;

    private readonly string _brand = options.Value.BrandName;

    /// <summary>The email with its item-angle subject.</summary>
    public ComposedEmail Compose(EmailFacts facts) => Compose(facts, Write(facts), variant: 0);

    /// <summary>The email's words: its subject variants (one per angle its facts support) and intro.</summary>
    public TemplateCopy Write(EmailFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Items.Count == 0)
        {
            throw new ArgumentException("An email needs at least one item to show.", nameof(facts));
        }

        return TemplateCopyWriter.Write(facts, _brand, layout.Price);
    }

    /// <summary>The email with the subject variant a test chose (index into <see cref="TemplateCopy.Variants"/>) and its preheader.</summary>
    public ComposedEmail Compose(EmailFacts facts, TemplateCopy copy, int variant)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(copy);
        var chosen = copy.Variants[variant];
        return layout.Render(facts, chosen.Subject, chosen.Preheader, Greeting(facts.FirstName), [copy.Intro]);
    }

    /// <summary>"Hi Ada," when the first name is known, else a greeting that suits anyone.</summary>
    public static string Greeting(string? firstName) => CopyText.SingleLine(firstName) is { } name ? $"Hi {name}," : "Hello,";
}
