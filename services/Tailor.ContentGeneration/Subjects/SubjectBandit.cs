using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tailor.Contracts;
using Tailor.Storage;

namespace Tailor.ContentGeneration.Subjects;

/// <summary>
/// Chooses each email's subject among a copy's variants by Thompson sampling over Beta posteriors of their open rates
/// (clicks weigh more), learns from every human open and click, and stops exploring once one variant is the best with
/// <see cref="SubjectBanditOptions.WinnerConfidence"/> (as Braze's Intelligent Selection does). Everything is in the
/// document store, so a restart resumes where it stopped.
/// </summary>
/// <remarks>
/// Safe with any number of replicas: a test's counts change only by conditional writes
/// (<see cref="DocumentUpdates.UpdateAsync{TDocument}"/>), and each count carries the email it is for
/// (<see cref="SubjectTest.RecentlyCounted"/>), so two copies of one email or engagement racing on two replicas count once.
/// </remarks>
public sealed partial class SubjectBandit(IDocumentStore documents, IOptions<SubjectBanditOptions> options, ILogger<SubjectBandit> logger)
{
    private const int ProbabilityDraws = 4_000;
    private const string ShownCount = "shown";
    private const string OpenCount = "open";
    private const string ClickCount = "click";

    /// <summary>The variant this email gets. Seeded by the email id, so the same posteriors give a retried email the same subject.</summary>
    public Task<int> ChooseAsync(string campaignId, IReadOnlyList<string> subjects, Guid emailId, CancellationToken cancellationToken) =>
        ChooseAsync(campaignId, subjects, null, emailId, cancellationToken);

    /// <summary>
    /// The variant (index into <paramref name="subjects"/>) this email gets. With <paramref name="variantIds"/> the
    /// variants compete by id in the campaign's angle test, whatever their text, so what one email's angle teaches
    /// counts for the same angle in every other email.
    /// </summary>
    public Task<int> ChooseAsync(string campaignId, IReadOnlyList<string> subjects, IReadOnlyList<string>? variantIds, Guid emailId, CancellationToken cancellationToken) =>
        ChooseAsync(campaignId, subjects, variantIds, emailId, new SubjectTestReads(), cancellationToken);

    /// <summary>
    /// As <see cref="ChooseAsync(string, IReadOnlyList{string}, IReadOnlyList{string}?, Guid, CancellationToken)"/>, with
    /// the test read through <paramref name="reads"/>: once for a whole batch of emails.
    /// </summary>
    public async Task<int> ChooseAsync(
        string campaignId, IReadOnlyList<string> subjects, IReadOnlyList<string>? variantIds, Guid emailId, SubjectTestReads reads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentNullException.ThrowIfNull(reads);
        if (subjects.Count < 2)
        {
            return 0;
        }

        var key = KeyOf(campaignId, subjects, variantIds);
        var stored = await reads.GetOrReadAsync(key, testKey => FindAsync(testKey, cancellationToken));
        var test = WithArms(stored ?? New(key, campaignId, subjects, variantIds), variantIds);
        var offered = Offered(test, subjects, variantIds);
        var chosen = test.Choose(options.Value.ClickWeight, new Random(emailId.GetHashCode()), offered);
        return offered.IndexOf(chosen);
    }

    /// <summary>Counts the email as shown with its variant, once (a republished email is not counted again).</summary>
    public Task RecordShownAsync(string campaignId, IReadOnlyList<string> subjects, int variant, Guid emailId, CancellationToken cancellationToken) =>
        RecordShownAsync(campaignId, new SubjectChoice(subjects, variant), emailId, cancellationToken);

    /// <summary>Counts the email as shown with the variant it carries (by id when it has one), once.</summary>
    public Task RecordShownAsync(string campaignId, SubjectChoice choice, Guid emailId, CancellationToken cancellationToken) =>
        RecordShownAsync([new ShownSubject(campaignId, choice, emailId)], cancellationToken);

    /// <summary>
    /// Counts a batch of emails as shown, each once: one conditional update per subject test for the whole batch (a
    /// campaign's angle test is one document every email of the campaign counts in, so per email it would be the
    /// campaign's hot spot), then each email's own record.
    /// </summary>
    public async Task RecordShownAsync(IReadOnlyCollection<ShownSubject> shown, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shown);
        var competing = shown.Where(email => email.Choice.Subjects.Count >= 2).DistinctBy(email => email.EmailId).ToList();
        if (competing.Count == 0)
        {
            return;
        }

        // An email with a record of its own was counted long ago (a republished email): not counted again.
        var recorded = await Task.WhenAll(competing.Select(email => email.MayBeCounted
            ? documents.FindAsync<EmailSubject>(ContentGenerationNames.EmailSubjectsCollection, email.EmailId.ToString("D"), cancellationToken)
            : Task.FromResult<EmailSubject?>(null)));
        var uncounted = competing.Where((_, index) => recorded[index] is null);
        foreach (var test in uncounted.GroupBy(email => KeyOf(email.CampaignId, email.Choice.Subjects, email.Choice.VariantIds), StringComparer.Ordinal))
        {
            await CountShownAsync(test.Key, [.. test], cancellationToken);
        }
    }

    // The counts first, then each email's record: a retry after a failure in between finds the emails among the test's
    // recent counts and counts nothing again. The test remembers only its latest counts: an update that lost a race
    // while it was full may find this batch's copies forgotten by then, so it first leaves out the emails recorded
    // meanwhile (recorded by whoever counted them).
    private async Task CountShownAsync(string key, IReadOnlyList<ShownSubject> emails, CancellationToken cancellationToken)
    {
        var indices = new Dictionary<Guid, int>();
        var uncounted = emails;
        for (var round = 1; uncounted.Count > 0; round++)
        {
            var batch = uncounted;
            var calls = new ChangeCalls();
            var lostWhileFull = false;
            await documents.UpdateAsync<SubjectTest>(
                ContentGenerationNames.SubjectTestsCollection,
                key,
                stored =>
                {
                    lostWhileFull = calls.AfterLostWrite(key) && IsFull(stored);
                    return lostWhileFull ? stored : CountShown(key, stored, batch, indices);
                },
                cancellationToken);
            uncounted = lostWhileFull ? await UnrecordedAfterLostRoundAsync(key, batch, round, cancellationToken) : [];
        }

        // Inserted once: a copy of an email racing behind must not reset flags an open has set meanwhile.
        await documents.TryAddManyAsync(
            ContentGenerationNames.EmailSubjectsCollection,
            [.. emails.Select(email => KeyValuePair.Create(email.EmailId.ToString("D"), new EmailSubject(key, indices[email.EmailId], false, false)))],
            cancellationToken);
    }

    // The change of the shown counts' update: in the batch's order, as one email after another would have, each may
    // bring angles the test has not met. Returns the stored test itself when every email was counted already.
    private static SubjectTest? CountShown(string key, SubjectTest? stored, IReadOnlyList<ShownSubject> emails, Dictionary<Guid, int> indices)
    {
        var test = stored ?? New(key, emails[0].CampaignId, emails[0].Choice.Subjects, emails[0].Choice.VariantIds);
        var shownPerVariant = new Dictionary<int, long>();
        var counts = new List<string>(emails.Count);
        foreach (var email in emails)
        {
            var choice = email.Choice;
            test = WithArms(test, choice.VariantIds);
            var index = choice.VariantIds is null || choice.Variant < 0 || choice.Variant >= choice.VariantIds.Count
                ? choice.Variant
                : Offered(test, choice.Subjects, choice.VariantIds)[choice.Variant];
            indices[email.EmailId] = index;
            var count = Count(email.EmailId, ShownCount);
            if (!test.HasCounted(count))
            {
                counts.Add(count);
                shownPerVariant[index] = shownPerVariant.GetValueOrDefault(index) + 1;
            }
        }

        if (counts.Count == 0)
        {
            return stored;
        }

        foreach (var (variant, count) in shownPerVariant)
        {
            test = Update(test, variant, shown: count, opens: 0, clicks: 0);
        }

        return test.Counted(counts);
    }

    // Whether a test forgets its oldest counts as it takes new ones: one that changed under an update may no longer
    // remember what that update's first read found there.
    private static bool IsFull(SubjectTest? stored) => (stored?.RecentlyCounted?.Count ?? 0) >= SubjectTest.RecentlyCountedLimit;

    // After a round lost to a full test: a pause, then the emails of the batch that still have no record of their own.
    private async Task<List<ShownSubject>> UnrecordedAfterLostRoundAsync(string key, IReadOnlyList<ShownSubject> emails, int round, CancellationToken cancellationToken)
    {
        await DocumentUpdates.PauseBeforeNextRoundAsync(ContentGenerationNames.SubjectTestsCollection, key, round, cancellationToken);
        var recorded = await documents.FindManyVersionedAsync<EmailSubject>(
            ContentGenerationNames.EmailSubjectsCollection, [.. emails.Select(email => email.EmailId.ToString("D"))], cancellationToken);
        return [.. emails.Where(email => !recorded.ContainsKey(email.EmailId.ToString("D")))];
    }

    /// <summary>Learns from a human open or click of an email that carried a variant; returns whether anything changed.</summary>
    public async Task<bool> ObserveAsync(EmailEngaged engagement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        var emailKey = engagement.EmailId.ToString("D");
        if (engagement.IsMachineOpen || engagement.Kind is not (EngagementKind.Open or EngagementKind.Click)
            || await documents.FindAsync<EmailSubject>(ContentGenerationNames.EmailSubjectsCollection, emailKey, cancellationToken) is not { } email)
        {
            return false;
        }

        // A click implies the email was opened, even when the open was not reported (images blocked). What the email's
        // record says was counted long ago is skipped here; what another replica is counting at this moment is
        // skipped inside the update, by the test's recent counts. An update that lost a race while the test was full
        // reads the record again: whoever counted the engagement meanwhile marks it there after counting.
        var clicked = engagement.Kind == EngagementKind.Click;
        var (counted, changed) = (false, false);
        (int Variant, double Probability)? declared = null;
        for (var round = 1; ; round++)
        {
            if (email.Opened && (email.Clicked || !clicked))
            {
                return false;
            }

            var known = email;
            var calls = new ChangeCalls();
            var lostWhileFull = false;
            await documents.UpdateAsync<SubjectTest>(
                ContentGenerationNames.SubjectTestsCollection,
                known.TestKey,
                stored =>
                {
                    (counted, changed, declared) = (stored is not null, false, null);
                    lostWhileFull = calls.AfterLostWrite(known.TestKey) && IsFull(stored);
                    return stored is null || lostWhileFull ? stored : CountEngagement(stored, known, engagement.EmailId, clicked, out changed, out declared);
                },
                cancellationToken);
            if (!lostWhileFull)
            {
                break;
            }

            await DocumentUpdates.PauseBeforeNextRoundAsync(ContentGenerationNames.SubjectTestsCollection, known.TestKey, round, cancellationToken);
            if (await documents.FindAsync<EmailSubject>(ContentGenerationNames.EmailSubjectsCollection, emailKey, cancellationToken) is not { } reread)
            {
                return false;
            }

            email = reread;
        }

        if (declared is { } newWinner)
        {
            LogWinner(logger, email.TestKey, newWinner.Variant + 1, newWinner.Probability);
        }

        // Also when another replica (or this one, before a failure) counted it: the email's record catches up, so a
        // repeat long after, when the test no longer remembers the count, is still recognised.
        if (counted)
        {
            await documents.UpdateAsync<EmailSubject>(
                ContentGenerationNames.EmailSubjectsCollection,
                emailKey,
                stored => stored is null || (stored.Opened && (stored.Clicked || !clicked))
                    ? stored
                    : stored with { Opened = true, Clicked = stored.Clicked || clicked },
                cancellationToken);
        }

        return changed;
    }

    // The change of an engagement's update: the open (implied by a click) and the click the test has not counted yet.
    // Returns the stored test itself when both were counted.
    private SubjectTest CountEngagement(
        SubjectTest stored, EmailSubject email, Guid emailId, bool clicked, out bool changed, out (int Variant, double Probability)? declared)
    {
        (changed, declared) = (false, null);
        var counts = new List<string>(2);
        if (!email.Opened && !stored.HasCounted(Count(emailId, OpenCount)))
        {
            counts.Add(Count(emailId, OpenCount));
        }

        if (clicked && !email.Clicked && !stored.HasCounted(Count(emailId, ClickCount)))
        {
            counts.Add(Count(emailId, ClickCount));
        }

        if (counts.Count == 0)
        {
            return stored;
        }

        changed = true;
        var opens = counts.Contains(Count(emailId, OpenCount)) ? 1 : 0;
        var updated = DeclareWinner(Update(stored, email.Variant, shown: 0, opens, clicks: counts.Count - opens).Counted(counts), out var confidence);
        declared = stored.Winner is null && updated.Winner is { } winner ? (winner, confidence) : null;
        return updated;
    }

    /// <summary>
    /// Erasure: forgets an erased reader's email: what its subject test remembers having counted for it, then its own
    /// record (variant, opened, clicked). In that order, so an erasure interrupted in between finds the record again. An
    /// engagement of the email arriving later finds no record and counts nothing.
    /// </summary>
    public async Task ForgetEmailAsync(Guid emailId, CancellationToken cancellationToken)
    {
        var emailKey = emailId.ToString("D");
        if (await documents.FindAsync<EmailSubject>(ContentGenerationNames.EmailSubjectsCollection, emailKey, cancellationToken) is not { } email)
        {
            return;
        }

        await documents.UpdateAsync<SubjectTest>(
            ContentGenerationNames.SubjectTestsCollection, email.TestKey, stored => stored?.Forgetting(Count(emailId, string.Empty)), cancellationToken);
        await documents.DeleteAsync(ContentGenerationNames.EmailSubjectsCollection, emailKey, cancellationToken);
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

    // The stopping rule: enough emails per variant, and one variant best with the configured confidence. Pure (the draws
    // are seeded by the test's key), as it runs inside a conditional update that may be tried again.
    private SubjectTest DeclareWinner(SubjectTest test, out double confidence)
    {
        confidence = 0;
        if (test.Winner is not null || test.Variants.Sum(variant => variant.Shown) < options.Value.MinShown)
        {
            return test;
        }

        var probabilities = test.ProbabilityBest(options.Value.ClickWeight, ProbabilityDraws, new Random(test.Key.GetHashCode(StringComparison.Ordinal)));
        var best = Array.IndexOf(probabilities, probabilities.Max());
        confidence = probabilities[best];
        return confidence < options.Value.WinnerConfidence ? test : test with { Winner = best };
    }

    // What the test remembers having counted for one email: "{emailId}:shown", ":open" or ":click".
    private static string Count(Guid emailId, string kind) => $"{emailId:N}:{kind}";

    [LoggerMessage(EventId = 6130, Level = LogLevel.Information, Message = "Subject test {TestKey} stopped exploring: variant {Variant} is the best with probability {Probability:F3}")]
    private static partial void LogWinner(ILogger logger, string testKey, int variant, double probability);
}
