namespace Tailor.Recommendation.Scoring;

/// <summary>
/// The stretch at the end of the training data held out to tune and to fit what is served, the models trained on what
/// came before it: the last <c>ValidationDays</c>, widened by as many days again while it holds fewer than
/// <see cref="MinKnownUsers"/> users with a history before it, as long as at least half the interactions stay before
/// it. The service and <c>eval recommend</c> hold it out alike; the test period is never in it.
/// </summary>
/// <param name="Known">Users of the validation stretch who took something before it.</param>
public sealed record ValidationWindow(DateTimeOffset From, IReadOnlyList<Interaction> Before, IReadOnlyList<Interaction> Validation, int Known)
{
    /// <summary>Fewer known users than this say too little about personal models: the window widens, and a blend is not fitted on them.</summary>
    public const int MinKnownUsers = 100;

    /// <summary>The window, or null when the data is not longer than <c>ValidationDays</c> (nothing before it, or nothing in it).</summary>
    public static ValidationWindow? Of(IReadOnlyList<Interaction> train, int validationDays)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (train.Count == 0)
        {
            return null;
        }

        var end = train.Max(interaction => interaction.At);
        ValidationWindow? window = null;
        for (var days = validationDays; ; days += validationDays)
        {
            var from = end - TimeSpan.FromDays(days);
            var before = train.Where(interaction => interaction.At < from).ToList();
            var validation = train.Where(interaction => interaction.At >= from).ToList();
            if (before.Count == 0 || validation.Count == 0 || (window is not null && before.Count < train.Count / 2))
            {
                return window;
            }

            var earlier = before.Select(interaction => interaction.UserId).ToHashSet(StringComparer.Ordinal);
            var known = validation.Select(interaction => interaction.UserId).Distinct(StringComparer.Ordinal).Count(earlier.Contains);
            window = new ValidationWindow(from, before, validation, known);
            if (known >= MinKnownUsers)
            {
                return window;
            }
        }
    }
}
