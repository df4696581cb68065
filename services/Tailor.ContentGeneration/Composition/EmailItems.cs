using Tailor.Contracts;

namespace Tailor.ContentGeneration.Composition;

/// <summary>Which of a user's recommended items an email shows.</summary>
public static class EmailItems
{
    /// <summary>
    /// Up to <paramref name="max"/> showable items of the campaign's sections, shared out between the sections in turn
    /// (best first within each), so a customer with many re-orders still sees something new and the other way round;
    /// a section with too few items leaves its places to the others. The result keeps the recommender's order.
    /// </summary>
    public static IReadOnlyList<RecommendedItem> Choose(IEnumerable<RecommendedItem> recommended, IReadOnlyList<string>? sections, int max)
    {
        ArgumentNullException.ThrowIfNull(recommended);
        var wanted = sections ?? EmailSections.All;
        // Items without a title or with a negative price would print nothing true, so they are not shown; nor is an item listed twice.
        var showable = recommended
            .Where(item => !string.IsNullOrWhiteSpace(item.ItemId) && !string.IsNullOrWhiteSpace(item.Title) && item.Price >= 0)
            .Where(item => wanted.Contains(EmailFacts.SectionOf(item), StringComparer.Ordinal))
            .DistinctBy(item => item.ItemId, StringComparer.Ordinal)
            .ToList();
        var queues = wanted.Select(section => new Queue<RecommendedItem>(showable.Where(item => EmailFacts.SectionOf(item) == section))).ToList();
        var chosen = new HashSet<RecommendedItem>(ReferenceEqualityComparer.Instance);
        while (chosen.Count < max && queues.Any(queue => queue.Count > 0))
        {
            foreach (var queue in queues.Where(queue => queue.Count > 0))
            {
                if (chosen.Count < max)
                {
                    chosen.Add(queue.Dequeue());
                }
            }
        }

        return [.. showable.Where(chosen.Contains)];
    }
}
