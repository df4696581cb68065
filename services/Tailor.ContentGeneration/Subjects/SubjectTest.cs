using Tailor.Profiles;

namespace Tailor.ContentGeneration.Subjects;

/// <summary>
/// One set of competing subject lines (<c>contentgeneration.subject-tests</c>): the variants one copy of one campaign
/// offers, their results, and the winner once exploration stopped. In a campaign's angle test (the template composer's
/// variants) each variant is an angle id and emails offer the angles their facts support, a subset of them all.
/// </summary>
/// <param name="Winner">The variant every later email gets; null while the test runs.</param>
/// <param name="RecentlyCounted">
/// The latest counts, as <c>{emailId}:shown</c>, <c>:open</c> or <c>:click</c>, oldest first (at most
/// <see cref="RecentlyCountedLimit"/>): two copies of one email or engagement racing on two replicas find the first's
/// count here and count nothing. Null in tests stored before it existed.
/// </param>
public sealed record SubjectTest(
    string Key, string CampaignId, IReadOnlyList<SubjectVariantStats> Variants, int? Winner, IReadOnlyList<string>? RecentlyCounted = null)
{
    /// <summary>
    /// How many counts a test remembers (about 20 kB of JSON). Copies race within moments; a copy that comes later
    /// finds the email's own record (<see cref="EmailSubject"/>) first and never gets here. Emails are counted a batch
    /// per update (<see cref="ContentGenerationOptions.PersonalizeBatchLimit"/>, at most a quarter of this), so the
    /// counts of the last few batches of every replica are remembered.
    /// </summary>
    public const int RecentlyCountedLimit = 512;

    public bool HasCounted(string count) => RecentlyCounted?.Contains(count, StringComparer.Ordinal) == true;

    /// <summary>Remembers <paramref name="counts"/> as the latest, forgetting the oldest beyond the limit.</summary>
    public SubjectTest Counted(IReadOnlyCollection<string> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var previous = RecentlyCounted ?? [];
        return this with { RecentlyCounted = [.. previous.Skip(Math.Max(0, previous.Count + counts.Count - RecentlyCountedLimit)), .. counts] };
    }

    /// <summary>
    /// Erasure: the test without what it remembers having counted for the email (its counts name the email, whose id
    /// derives from its reader); itself when it remembers none. The totals stay: they are every reader's together.
    /// </summary>
    public SubjectTest Forgetting(string emailCountPrefix) =>
        RecentlyCounted?.Any(count => count.StartsWith(emailCountPrefix, StringComparison.Ordinal)) == true
            ? this with { RecentlyCounted = [.. RecentlyCounted.Where(count => !count.StartsWith(emailCountPrefix, StringComparison.Ordinal))] }
            : this;

    /// <summary>Thompson sampling: one draw from each variant's Beta posterior, the highest wins this email.</summary>
    public int Choose(double clickWeight, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Winner ?? BestDraw([.. Variants.Select(variant => variant.Posterior(clickWeight))], random);
    }

    /// <summary>
    /// Thompson sampling among the variants this email offers (indices into <see cref="Variants"/>): the winner when it
    /// is offered, else the highest draw among them. Returns the chosen index into <see cref="Variants"/>.
    /// </summary>
    public int Choose(double clickWeight, Random random, IReadOnlyList<int> offered)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(offered);
        if (Winner is { } winner && offered.Contains(winner))
        {
            return winner;
        }

        return offered[BestDraw([.. offered.Select(index => Variants[index].Posterior(clickWeight))], random)];
    }

    /// <summary>How often each variant is the best among <paramref name="draws"/> joint draws from the posteriors.</summary>
    public double[] ProbabilityBest(double clickWeight, int draws, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var wins = new double[Variants.Count];
        var posteriors = Variants.Select(variant => variant.Posterior(clickWeight)).ToArray();
        for (var draw = 0; draw < draws; draw++)
        {
            wins[BestDraw(posteriors, random)]++;
        }

        return [.. wins.Select(count => count / draws)];
    }

    // One joint draw from the variants' posteriors: the index of the highest.
    private static int BestDraw((double Alpha, double Beta)[] posteriors, Random random)
    {
        var best = 0;
        var bestValue = double.NegativeInfinity;
        for (var index = 0; index < posteriors.Length; index++)
        {
            var value = Beta(posteriors[index], random);
            if (value > bestValue)
            {
                (best, bestValue) = (index, value);
            }
        }

        return best;
    }

    private static double Beta((double Alpha, double Beta) posterior, Random random)
    {
        var x = DirichletDraw.Gamma(posterior.Alpha, random);
        var y = DirichletDraw.Gamma(posterior.Beta, random);
        return x / (x + y);
    }
}
