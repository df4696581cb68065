using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tailor.Contracts;
using Tailor.Messaging;
using Tailor.Storage;

namespace Tailor.ContentGeneration.Subjects;

/// <summary>
/// Chooses each email's subject among a copy's variants by Thompson sampling over Beta posteriors of their open rates
/// (clicks weigh more), learns from every human open and click, and stops exploring once one variant is the best with
/// <see cref="SubjectBanditOptions.WinnerConfidence"/> (as Braze's Intelligent Selection does). Everything is in the
/// document store, so a restart resumes where it stopped.
/// </summary>
/// <remarks>Updates of one test are serialised inside this process only; run one ContentGeneration replica (see README).</remarks>
public sealed partial class SubjectBandit(IDocumentStore documents, IOptions<SubjectBanditOptions> options, ILogger<SubjectBandit> logger) : IDisposable
{
    private const int ProbabilityDraws = 4_000;
    private readonly KeyedLocks _locks = new();

    /// <summary>The variant this email gets. Seeded by the email id, so the same posteriors give a retried email the same subject.</summary>
    public Task<int> ChooseAsync(string campaignId, IReadOnlyList<string> subjects, Guid emailId, CancellationToken cancellationToken) =>
        ChooseAsync(campaignId, subjects, null, emailId, cancellationToken);

    /// <summary>
    /// The variant (index into <paramref name="subjects"/>) this email gets. With <paramref name="variantIds"/> the
    /// variants compete by id in the campaign's angle test, whatever their text, so what one email's angle teaches
    /// counts for the same angle in every other email.
    /// </summary>
    public async Task<int> ChooseAsync(string campaignId, IReadOnlyList<string> subjects, IReadOnlyList<string>? variantIds, Guid emailId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        if (subjects.Count < 2)
        {
            return 0;
        }

        var key = KeyOf(campaignId, subjects, variantIds);
        var test = WithArms(await FindAsync(key, cancellationToken) ?? New(key, campaignId, subjects, variantIds), variantIds);
        var offered = Offered(test, subjects, variantIds);
        var chosen = test.Choose(options.Value.ClickWeight, new Random(emailId.GetHashCode()), offered);
        return offered.IndexOf(chosen);
    }

    /// <summary>Counts the email as shown with its variant, once (a republished email is not counted again).</summary>
    public Task RecordShownAsync(string campaignId, IReadOnlyList<string> subjects, int variant, Guid emailId, CancellationToken cancellationToken) =>
        RecordShownAsync(campaignId, new SubjectChoice(subjects, variant), emailId, cancellationToken);

    /// <summary>Counts the email as shown with the variant it carries (by id when it has one), once.</summary>
    public async Task RecordShownAsync(string campaignId, SubjectChoice choice, Guid emailId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choice);
        if (choice.Subjects.Count < 2)
        {
            return;
        }

        var key = KeyOf(campaignId, choice.Subjects, choice.VariantIds);
        using var held = await _locks.AcquireAsync(key, cancellationToken);
        if (await documents.FindAsync<EmailSubject>(ContentGenerationNames.EmailSubjectsCollection, emailId.ToString("D"), cancellationToken) is not null)
        {
            return;
        }

        var test = WithArms(await FindAsync(key, cancellationToken) ?? New(key, campaignId, choice.Subjects, choice.VariantIds), choice.VariantIds);
        var index = choice.VariantIds is null || choice.Variant < 0 || choice.Variant >= choice.VariantIds.Count
            ? choice.Variant
            : Offered(test, choice.Subjects, choice.VariantIds)[choice.Variant];
        await SaveAsync(Update(test, index, shown: 1, opens: 0, clicks: 0), cancellationToken);
        await documents.PutAsync(ContentGenerationNames.EmailSubjectsCollection, emailId.ToString("D"), new EmailSubject(key, index, false, false), cancellationToken);
    }

    /// <summary>Learns from a human open or click of an email that carried a variant; returns whether anything changed.</summary>
    public async Task<bool> ObserveAsync(EmailEngaged engagement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        if (engagement.IsMachineOpen || engagement.Kind is not (EngagementKind.Open or EngagementKind.Click)
            || await documents.FindAsync<EmailSubject>(ContentGenerationNames.EmailSubjectsCollection, engagement.EmailId.ToString("D"), cancellationToken) is not { } shown)
        {
            return false;
        }

        using var held = await _locks.AcquireAsync(shown.TestKey, cancellationToken);
        var email = await documents.FindAsync<EmailSubject>(ContentGenerationNames.EmailSubjectsCollection, engagement.EmailId.ToString("D"), cancellationToken) ?? shown;
        // A click implies the email was opened, even when the open was not reported (images blocked).
        var opens = email.Opened ? 0 : 1;
        var clicks = engagement.Kind == EngagementKind.Click && !email.Clicked ? 1 : 0;
        if (opens == 0 && clicks == 0 || await FindAsync(email.TestKey, cancellationToken) is not { } test)
        {
            return false;
        }

        var updated = Update(test, email.Variant, shown: 0, opens, clicks);
        updated = DeclareWinner(updated);
        await SaveAsync(updated, cancellationToken);
        await documents.PutAsync(
            ContentGenerationNames.EmailSubjectsCollection,
            engagement.EmailId.ToString("D"),
            email with { Opened = true, Clicked = email.Clicked || clicks > 0 },
            cancellationToken);
        return true;
    }

    public Task<SubjectTest?> FindAsync(string key, CancellationToken cancellationToken) =>
        documents.FindAsync<SubjectTest>(ContentGenerationNames.SubjectTestsCollection, key, cancellationToken);

    /// <summary>Names the test by its campaign and its subjects' text: each segment's copy competes on its own.</summary>
    public static string TestKey(string campaignId, IReadOnlyList<string> subjects)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', subjects)));
        return $"{campaignId}:{Convert.ToHexString(hash, 0, 8)}";
    }

    /// <summary>Names a campaign's angle test: one per campaign, so every email's angles feed the same counts.</summary>
    public static string AngleTestKey(string campaignId) => $"{campaignId}:angles";

    public void Dispose() => _locks.Dispose();

    private static string KeyOf(string campaignId, IReadOnlyList<string> subjects, IReadOnlyList<string>? variantIds) =>
        variantIds is null ? TestKey(campaignId, subjects) : AngleTestKey(campaignId);

    private static SubjectTest New(string key, string campaignId, IReadOnlyList<string> subjects, IReadOnlyList<string>? variantIds) =>
        new(key, campaignId, [.. (variantIds?.Distinct(StringComparer.Ordinal) ?? subjects).Select(arm => new SubjectVariantStats(arm, 0, 0, 0))], null);

    // An angle test meets angles as emails offer them; new ones join at the end, so stored indices stay valid.
    private static SubjectTest WithArms(SubjectTest test, IReadOnlyList<string>? variantIds)
    {
        var missing = (variantIds ?? []).Where(id => !test.Variants.Any(variant => variant.Subject == id)).Distinct(StringComparer.Ordinal).ToList();
        return missing.Count == 0 ? test : test with { Variants = [.. test.Variants, .. missing.Select(id => new SubjectVariantStats(id, 0, 0, 0))] };
    }

    // The test's indices of the email's variants: by position for literal subjects, by id for angles.
    private static List<int> Offered(SubjectTest test, IReadOnlyList<string> subjects, IReadOnlyList<string>? variantIds)
    {
        if (variantIds is null)
        {
            return [.. Enumerable.Range(0, subjects.Count)];
        }

        if (variantIds.Count != subjects.Count)
        {
            throw new ArgumentException($"{variantIds.Count} variant ids for {subjects.Count} subjects.", nameof(variantIds));
        }

        return [.. variantIds.Select(id => test.Variants.ToList().FindIndex(variant => variant.Subject == id))];
    }

    private static SubjectTest Update(SubjectTest test, int variant, long shown, long opens, long clicks)
    {
        if (variant < 0 || variant >= test.Variants.Count)
        {
            throw new InvalidDataException($"Subject test {test.Key} has no variant {variant}.");
        }

        return test with
        {
            Variants = [.. test.Variants.Select((stats, index) => index == variant
                ? stats with { Shown = stats.Shown + shown, Opens = stats.Opens + opens, Clicks = stats.Clicks + clicks }
                : stats)],
        };
    }

    // The stopping rule: enough emails per variant, and one variant best with the configured confidence.
    private SubjectTest DeclareWinner(SubjectTest test)
    {
        if (test.Winner is not null || test.Variants.Sum(variant => variant.Shown) < options.Value.MinShown)
        {
            return test;
        }

        var probabilities = test.ProbabilityBest(options.Value.ClickWeight, ProbabilityDraws, new Random(test.Key.GetHashCode(StringComparison.Ordinal)));
        var best = Array.IndexOf(probabilities, probabilities.Max());
        if (probabilities[best] < options.Value.WinnerConfidence)
        {
            return test;
        }

        LogWinner(logger, test.Key, best + 1, probabilities[best]);
        return test with { Winner = best };
    }

    private Task SaveAsync(SubjectTest test, CancellationToken cancellationToken) =>
        documents.PutAsync(ContentGenerationNames.SubjectTestsCollection, test.Key, test, cancellationToken);

    [LoggerMessage(EventId = 6130, Level = LogLevel.Information, Message = "Subject test {TestKey} stopped exploring: variant {Variant} is the best with probability {Probability:F3}")]
    private static partial void LogWinner(ILogger logger, string testKey, int variant, double probability);
}
