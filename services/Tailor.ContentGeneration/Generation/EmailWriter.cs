using Microsoft.Extensions.Options;
using Tailor.ContentGeneration.Composition;

namespace Tailor.ContentGeneration.Generation;

/// <summary>
/// Writes one email: with the language model's checked copy when one is configured and delivers, with the template
/// composer otherwise. Either way Tailor lays the email out (greeting, product names, prices, links, escaping).
/// </summary>
public sealed class EmailWriter(
    TemplateComposer templates,
    EmailLayout layout,
    LanguageModelWriter model,
    IOptions<ContentGenerationOptions> options,
    IOptions<LanguageModelOptions> modelOptions)
{
    public async Task<WrittenEmail> WriteAsync(string campaignId, EmailFacts facts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (model.IsConfigured)
        {
            var copyFacts = CopyFacts.From(facts, options.Value.BrandName, modelOptions.Value.BrandVoice, layout.Price);
            if (await model.WriteAsync(campaignId, copyFacts, cancellationToken) is { } copy)
            {
                return Render(facts, copy);
            }
        }

        return new WrittenEmail(templates.Compose(facts), ContentGenerationNames.TemplateGenerator, null, null);
    }

    private WrittenEmail Render(EmailFacts facts, GeneratedCopy copy)
    {
        // Until the subject bandit chooses per user, variants split the audience evenly (stable per email).
        var variant = (int)((uint)facts.EmailId.GetHashCode() % (uint)copy.Draft.Subjects.Count);
        var firstName = CopyText.SingleLine(facts.FirstName);
        var email = layout.Render(
            facts,
            copy.Draft.Subjects[variant],
            copy.Draft.Preheader,
            firstName is null ? "Hello," : $"Hi {firstName},",
            copy.Draft.Paragraphs,
            copy.Draft.CallsToAction.ToDictionary(call => call.ItemId, call => call.Text, StringComparer.Ordinal));
        return new WrittenEmail(email, ContentGenerationNames.LanguageModelGenerator, copy.ModelVersion, $"subject-{variant + 1}");
    }
}
