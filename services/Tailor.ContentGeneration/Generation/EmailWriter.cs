using Microsoft.Extensions.Options;
using Tailor.ContentGeneration.Composition;
using Tailor.ContentGeneration.Subjects;

namespace Tailor.ContentGeneration.Generation;

/// <summary>
/// Writes one email: with the language model's checked copy when one is configured and delivers, with the template
/// composer otherwise. Either way Tailor lays the email out (greeting, product names, prices, links, escaping).
/// </summary>
public sealed class EmailWriter(
    TemplateComposer templates,
    EmailLayout layout,
    LanguageModelWriter model,
    SubjectBandit subjects,
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
                var variant = await subjects.ChooseAsync(campaignId, copy.Draft.Subjects, facts.EmailId, cancellationToken);
                return Render(facts, copy, new SubjectChoice(copy.Draft.Subjects, variant));
            }
        }

        return new WrittenEmail(templates.Compose(facts), ContentGenerationNames.TemplateGenerator, null, null);
    }

    private WrittenEmail Render(EmailFacts facts, GeneratedCopy copy, SubjectChoice subject)
    {
        var email = layout.Render(
            facts,
            subject.Subjects[subject.Variant],
            copy.Draft.Preheader,
            TemplateComposer.Greeting(facts.FirstName),
            copy.Draft.Paragraphs,
            copy.Draft.CallsToAction.ToDictionary(call => call.ItemId, call => call.Text, StringComparer.Ordinal));
        return new WrittenEmail(email, ContentGenerationNames.LanguageModelGenerator, copy.ModelVersion, copy.Draft.Subjects.Count > 1 ? subject : null);
    }
}
