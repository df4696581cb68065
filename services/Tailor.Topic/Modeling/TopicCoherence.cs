using Tailor.Contracts;

namespace Tailor.Topic.Modeling;

/// <summary>
/// NPMI coherence (Bouma 2009; Röder et al. 2015): for each pair of a topic's top words, how much more often they
/// appear in the same user document than chance would have it, normalised to [-1, 1]; averaged over pairs and topics.
/// Topics whose words really go together (a tea-light holder and a lantern) score high; grab-bags score near 0.
/// </summary>
public static class TopicCoherence
{
    public static double Npmi(IReadOnlyList<TopicSummary> topics, IReadOnlyList<UserDocument> documents, int wordsPerTopic)
    {
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(documents);
        var wordSets = documents.Select(document => Words(document.Text)).ToList();
        var total = (double)wordSets.Count;
        var scores = new List<double>();
        foreach (var topic in topics)
        {
            var words = topic.TopWords.Take(wordsPerTopic).ToList();
            for (var i = 0; i < words.Count; i++)
            {
                for (var j = i + 1; j < words.Count; j++)
                {
                    var both = wordSets.Count(set => set.Contains(words[i]) && set.Contains(words[j])) / total;
                    var first = wordSets.Count(set => set.Contains(words[i])) / total;
                    var second = wordSets.Count(set => set.Contains(words[j])) / total;
                    scores.Add(Npmi(both, first, second));
                }
            }
        }

        return scores.Count == 0 ? 0 : scores.Average();
    }

    // Never together is the worst score (-1); always together is the best (1).
    private static double Npmi(double both, double first, double second)
    {
        if (both <= 0)
        {
            return -1;
        }

        return both >= 1 ? 1 : Math.Log(both / (first * second)) / -Math.Log(both);
    }

    // The same words LDA saw: lower case, letters only (its normaliser drops digits and punctuation).
    private static HashSet<string> Words(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        for (var index = 0; index <= text.Length; index++)
        {
            var isLetter = index < text.Length && char.IsLetter(text[index]);
            if (isLetter && start < 0)
            {
                start = index;
            }
            else if (!isLetter && start >= 0)
            {
                words.Add(text[start..index].ToLowerInvariant());
                start = -1;
            }
        }

        return words;
    }
}
