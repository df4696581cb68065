namespace Tailor.ContentGeneration.Subjects;

/// <summary>One subject variant's record: emails sent with it, and the unique opens and clicks they got.</summary>
/// <param name="Subject">The subject line, or in an angle test the angle's id (<c>angle:reason</c>).</param>
public sealed record SubjectVariantStats(string Subject, long Shown, long Opens, long Clicks)
{
    /// <summary>Beta(α, β) over the variant's open rate, clicks counting <paramref name="clickWeight"/> opens each; uniform prior.</summary>
    public (double Alpha, double Beta) Posterior(double clickWeight)
    {
        var successes = Opens + (clickWeight * Clicks);
        return (1 + successes, 1 + Math.Max(0, Shown - Opens));
    }
}
