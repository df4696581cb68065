using System.Text;
using Tailor.Contracts;

namespace Tailor.Topic.Modeling;

/// <summary>
/// Names a topic with phrases people wrote, not a list of stems: the phrases (one to three words in a row) of the user
/// documents that are made only of the topic's top words, scored by how high those words rank in the topic and how
/// many users' documents hold the phrase. The label is the best phrase, and the best phrase of two or more words sharing
/// no word with it: "t-light holder &amp; hanging heart" instead of "heart, holder, tlight". Words keep the form they were written in
/// ("t-light"), not LDA's normalised one ("tlight").
/// </summary>
public sealed class TopicLabeler
{
    private const int LongestPhrase = 3;
    private const string Joiner = " & ";

    // Each phrase's surface form and the number of documents that hold it, by its normalised words.
    private readonly Dictionary<string, PhraseCount> _phrases = new(StringComparer.Ordinal);

    public TopicLabeler(IEnumerable<UserDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        foreach (var document in documents)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var sentence in document.Text.Split('.', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var words = Words(sentence);
                for (var start = 0; start < words.Count; start++)
                {
                    for (var length = 1; length <= LongestPhrase && start + length <= words.Count; length++)
                    {
                        var phrase = words.GetRange(start, length);
                        var key = string.Join(' ', phrase.Select(word => word.Normalized));
                        if (!_phrases.TryGetValue(key, out var count))
                        {
                            _phrases[key] = count = new PhraseCount([.. phrase.Select(word => word.Normalized)], string.Join(' ', phrase.Select(word => word.Written)));
                        }

                        if (seen.Add(key))
                        {
                            count.Documents++;
                        }
                    }
                }
            }
        }
    }

    /// <summary>The topics with readable labels; labels already taken by an earlier topic get its next phrase added.</summary>
    public IReadOnlyList<TopicSummary> Label(IReadOnlyList<TopicSummary> topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        return [.. topics.Select(topic => topic with { Label = LabelOf(topic.TopWords, taken) })];
    }

    private string LabelOf(IReadOnlyList<string> topWords, HashSet<string> taken)
    {
        // The first word counts most, the last of the top words least.
        var rank = topWords.Select((word, index) => (word, weight: (double)(topWords.Count - index) / topWords.Count))
            .ToDictionary(entry => entry.word, entry => entry.weight, StringComparer.Ordinal);
        var ranked = _phrases.Values
            .Where(phrase => phrase.Documents >= 2 && phrase.Words.All(rank.ContainsKey) && phrase.Words.Distinct().Count() == phrase.Words.Length)
            .Select(phrase => (phrase, score: phrase.Words.Sum(word => rank[word]) * Math.Log(1 + phrase.Documents)))
            // A phrase of two or more words says more than any single word, however common ("cake cases", not "set").
            .OrderByDescending(entry => entry.phrase.Words.Length > 1)
            .ThenByDescending(entry => entry.score)
            .ThenBy(entry => entry.phrase.Written, StringComparer.Ordinal)
            .Select(entry => entry.phrase)
            .ToList();
        if (ranked.Count == 0)
        {
            // No phrase recurs (a tiny corpus): the top words themselves, as before.
            return string.Join(", ", topWords.Take(LongestPhrase));
        }

        var parts = new List<PhraseCount> { ranked[0] };
        var used = new HashSet<string>(ranked[0].Words, StringComparer.Ordinal);
        foreach (var phrase in ranked.Skip(1))
        {
            var label = string.Join(Joiner, parts.Select(part => part.Written));
            if (parts.Count >= 2 && !taken.Contains(label))
            {
                break;
            }

            // A lone word ("set") adds little to a phrase; it is taken only to tell two topics apart.
            if (phrase.Words.Any(used.Contains) || (phrase.Words.Length == 1 && !taken.Contains(label)))
            {
                continue;
            }

            parts.Add(phrase);
            used.UnionWith(phrase.Words);
        }

        var chosen = string.Join(Joiner, parts.Select(part => part.Written));
        taken.Add(chosen);
        return chosen;
    }

    /// <summary>The words of a sentence as LDA saw them (lower case, letters only) and as written (lower case).</summary>
    private static List<Word> Words(string sentence)
    {
        var words = new List<Word>();
        foreach (var token in sentence.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            // Letters, and the hyphens and apostrophes between them ("t-light", "children's"); digits and "/10" go.
            var kept = new string([.. token.ToLowerInvariant().Where(character => char.IsLetter(character) || character is '-' or '\'')]);
            var written = kept.Trim('-', '\'');
            var normalized = new StringBuilder(written.Length);
            foreach (var character in written.Where(char.IsLetter))
            {
                normalized.Append(character);
            }

            if (normalized.Length > 0)
            {
                words.Add(new Word(normalized.ToString(), written));
            }
        }

        return words;
    }

    private readonly record struct Word(string Normalized, string Written);

    private sealed class PhraseCount(string[] words, string written)
    {
        public string[] Words { get; } = words;

        public string Written { get; } = written;

        public int Documents { get; set; }
    }
}
