using System.ComponentModel.DataAnnotations;

namespace Tailor.Topic;

/// <summary>Section <c>Tailor:Topic</c>; retraining thresholds live under <c>Tailor:Topic:Retrain</c>.</summary>
public sealed class TopicOptions : IValidatableObject
{
    public const string Section = "Tailor:Topic";
    public const string RetrainSection = Section + ":Retrain";

    /// <summary>A fixed number of topics; 0 (the default) chooses it among <see cref="TopicCandidates"/> by NPMI coherence.</summary>
    [Range(0, 200)]
    public int Topics { get; set; }

    /// <summary>The topic counts tried when <see cref="Topics"/> is 0; the most coherent wins, the smaller on a tie.</summary>
    public int[] TopicCandidates { get; set; } = [4, 6, 8, 10, 12];

    /// <summary>Words kept per topic; coherence is measured over them and labels are made of phrases of them.</summary>
    [Range(3, 50)]
    public int TopWords { get; set; } = 10;

    /// <summary>Dirichlet prior on a user's topic mixture, summed over topics: small means users lean to few topics.</summary>
    [Range(0.001, 10_000.0)]
    public double AlphaSum { get; set; } = 1.0;

    /// <summary>Dirichlet prior on a topic's words.</summary>
    [Range(0.0001, 100.0)]
    public double Beta { get; set; } = 0.01;

    [Range(1, 10_000)]
    public int Iterations { get; set; } = 200;

    /// <summary>
    /// How much less coherent (NPMI, on the same documents) a newly trained model may be than the serving one and
    /// still replace it. A little slack lets new users get topics when the new model is as good within noise.
    /// </summary>
    [Range(0.0, 2.0)]
    public double CoherenceTolerance { get; set; } = 0.02;

    /// <summary>Longer documents are truncated: a wholesale customer's thousand lines add little over their first few hundred.</summary>
    [Range(16, 100_000)]
    public int MaximumTokensPerDocument { get; set; } = 2_048;

    public int Seed { get; set; } = 42;

    /// <summary>Sampling threads; 1 keeps training deterministic for a given seed.</summary>
    [Range(1, 64)]
    public int Threads { get; set; } = 1;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Topics == 1)
        {
            yield return new ValidationResult("Topics must be 0 (choose) or at least 2.", [nameof(Topics)]);
        }

        if (Topics == 0 && (TopicCandidates.Length == 0 || TopicCandidates.Any(count => count is < 2 or > 200)))
        {
            yield return new ValidationResult("TopicCandidates must list topic counts between 2 and 200.", [nameof(TopicCandidates)]);
        }
    }
}
