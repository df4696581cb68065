using Microsoft.Extensions.Options;
using Tailor.ContentGeneration.Composition;
using Tailor.ContentGeneration.Subjects;

namespace Tailor.ContentGeneration.Generation;

/// <summary>
/// Writes one email: with the language model's checked copy when one is configured and delivers, with the template
/// composer otherwise. Either way Tailor lays the email out (greeting, product names, prices, links, escaping), and the
/// subject bandit chooses among the copy's subject variants.
/// </summary>
public sealed class EmailWriter(
    TemplateComposer templates,
    EmailLayout layout,
    LanguageModelWriter model,
    SubjectBandit subjects,
    IOptions<ContentGenerationOptions> options,
    IOptions<LanguageModelOptions> modelOptions)
{
    public Task<WrittenEmail> WriteAsync(string campaignId, EmailFacts facts, CancellationToken cancellationToken) =>
        WriteAsync(campaignId, facts, new SubjectTestReads(), cancellationToken);

    /// <summary>Writes the email, choosing its subject from the tests as <paramref name="tests"/> read them (once per batch).</summary>
    public async Task<WrittenEmail> WriteAsync(string campaignId, EmailFacts facts, SubjectTestReads tests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(tests);
        if (model.IsConfigured)
        {
            var copyFacts = CopyFacts.From(facts, options.Value.BrandName, modelOptions.Value.BrandVoice, layout.Price, modelOptions.Value.ShareFirstName);
            if (await model.WriteAsync(campaignId, copyFacts, cancellationToken) is { } copy)
            {
                var variant = await subjects.ChooseAsync(campaignId, copy.Draft.Subjects, null, facts.EmailId, tests, cancellationToken);
                return Render(facts, copy, new SubjectChoice(copy.Draft.Subjects, variant));
            }
        }

        return await WriteFromTemplatesAsync(campaignId, facts, tests, cancellationToken);
    }

    // The template composer offers one subject per angle; the bandit picks one by angle id, so tests run without a model.
    private async Task<WrittenEmail> WriteFromTemplatesAsync(string campaignId, EmailFacts facts, SubjectTestReads tests, CancellationToken cancellationToken)
    {
        var copy = templates.Write(facts);
        IReadOnlyList<string> offered = [.. copy.Variants.Select(variant => variant.Subject)];
        IReadOnlyList<string> ids = [.. copy.Variants.Select(variant => variant.Id)];
        var chosen = await subjects.ChooseAsync(campaignId, offered, ids, facts.EmailId, tests, cancellationToken);
        return new WrittenEmail(
            templates.Compose(facts, copy, chosen),
            ContentGenerationNames.TemplateGenerator,
            null,
            offered.Count > 1 ? new SubjectChoice(offered, chosen, ids) : null);
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
