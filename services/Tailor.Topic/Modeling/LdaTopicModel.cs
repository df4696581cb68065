using Microsoft.ML;
using Microsoft.ML.Transforms.Text;
using Tailor.Contracts;

namespace Tailor.Topic.Modeling;

/// <summary>
/// ML.NET's LightLDA over user documents: normalise the text, split it into words, drop stop words, map words to
/// keys, count them, and fit LDA on the counts.
/// </summary>
public static class LdaTopicModel
{
    private const string TextColumn = nameof(LdaInput.Text);
    private const string NormalizedColumn = "Normalized";
    private const string TokensColumn = "Tokens";
    private const string TopicsColumn = nameof(LdaOutput.Topics);
    private const int LabelWords = 3;

    /// <param name="topicCount">How many topics to fit (see <see cref="TopicCountSelection"/> for choosing it).</param>
    public static TopicFit Fit(IReadOnlyList<UserDocument> documents, TopicOptions options, int topicCount)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(options);
        if (documents.Count == 0)
        {
            throw new ArgumentException("A topic model needs at least one document.", nameof(documents));
        }

        var ml = new MLContext(options.Seed);
        var data = ml.Data.LoadFromEnumerable(documents.Select(document => new LdaInput { Text = document.Text }));
        var pipeline = ml.Transforms.Text.NormalizeText(
                NormalizedColumn, TextColumn, TextNormalizingEstimator.CaseMode.Lower, keepDiacritics: false, keepPunctuations: false, keepNumbers: false)
            .Append(ml.Transforms.Text.TokenizeIntoWords(TokensColumn, NormalizedColumn))
            .Append(ml.Transforms.Text.RemoveDefaultStopWords(TokensColumn))
            .Append(ml.Transforms.Conversion.MapValueToKey(TokensColumn))
            .Append(ml.Transforms.Text.ProduceNgrams(TokensColumn, ngramLength: 1, useAllLengths: false))
            .Append(ml.Transforms.Text.LatentDirichletAllocation(
                TopicsColumn,
                TokensColumn,
                numberOfTopics: topicCount,
                alphaSum: (float)options.AlphaSum,
                beta: (float)options.Beta,
                maximumNumberOfIterations: options.Iterations,
                numberOfThreads: options.Threads,
                maximumTokenCountPerDocument: options.MaximumTokensPerDocument,
                numberOfSummaryTermsPerTopic: options.TopWords,
                resetRandomGenerator: true));

        var model = pipeline.Fit(data);
        var details = model.LastTransformer.GetLdaDetails(0);
        var topics = details.WordScoresPerTopic
            .Select((words, topic) =>
            {
                var topWords = words.OrderByDescending(word => word.Score).Select(word => word.Word).Take(options.TopWords).ToList();
                return new TopicSummary(topic, string.Join(", ", topWords.Take(LabelWords)), topWords);
            })
            .ToList();

        var mixtures = ml.Data.CreateEnumerable<LdaOutput>(model.Transform(data), reuseRowObject: false)
            .Zip(documents, (output, document) => ToMixture(document.UserId, output.Topics, topicCount))
            .ToList();
        return new TopicFit(topics, mixtures);
    }

    /// <summary>Normalises LDA's topic weights to shares; a document with no known words is spread evenly.</summary>
    private static UserMixture ToMixture(string userId, float[] weights, int topicCount)
    {
        var total = weights.Sum(weight => (double)weight);
        var mixture = total > 0
            ? weights.Select(weight => weight / total).ToArray()
            : Enumerable.Repeat(1.0 / topicCount, topicCount).ToArray();
        var dominant = Array.IndexOf(mixture, mixture.Max());
        return new UserMixture(userId, mixture, dominant);
    }

    private sealed class LdaInput
    {
        public string Text { get; set; } = string.Empty;
    }

    private sealed class LdaOutput
    {
        public float[] Topics { get; set; } = [];
    }
}
