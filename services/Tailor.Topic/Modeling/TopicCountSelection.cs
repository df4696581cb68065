namespace Tailor.Topic.Modeling;

/// <summary>
/// Chooses the number of topics by measurement, not by a constant: fits LDA for each candidate count and keeps the
/// most coherent model (NPMI of its top words over the same user documents); the smaller count wins a tie. The chosen
/// model's topics are then named by <see cref="TopicLabeler"/>.
/// </summary>
public static class TopicCountSelection
{
    public static TopicSelection Fit(IReadOnlyList<UserDocument> documents, TopicOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        int[] candidates = options.Topics > 0 ? [options.Topics] : [.. options.TopicCandidates.Distinct().Order()];
        TopicFit? best = null;
        var bestCoherence = double.NegativeInfinity;
        var tried = new List<TopicCountScore>(candidates.Length);
        foreach (var topics in candidates)
        {
            var fit = LdaTopicModel.Fit(documents, options, topics);
            var coherence = TopicCoherence.Npmi(fit.Topics, documents, options.TopWords);
            tried.Add(new TopicCountScore(topics, coherence));
            if (coherence > bestCoherence)
            {
                (best, bestCoherence) = (fit, coherence);
            }
        }

        var labelled = best! with { Topics = new TopicLabeler(documents).Label(best.Topics) };
        return new TopicSelection(labelled, bestCoherence, tried);
    }
}

/// <summary>The chosen model, its coherence, and the coherence of every count tried.</summary>
public sealed record TopicSelection(TopicFit Fit, double Coherence, IReadOnlyList<TopicCountScore> Tried);

public sealed record TopicCountScore(int Topics, double Coherence);
