using System.ComponentModel.DataAnnotations;

namespace Tailor.Topic;

/// <summary>Section <c>Tailor:Topic</c>; retraining thresholds live under <c>Tailor:Topic:Retrain</c>.</summary>
public sealed class TopicOptions
{
    public const string Section = "Tailor:Topic";
    public const string RetrainSection = Section + ":Retrain";

    [Range(2, 200)]
    public int Topics { get; set; } = 8;

    /// <summary>Words kept per topic; the label is made of the first three.</summary>
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

    /// <summary>Longer documents are truncated: a wholesale customer's thousand lines add little over their first few hundred.</summary>
    [Range(16, 100_000)]
    public int MaximumTokensPerDocument { get; set; } = 2_048;

    public int Seed { get; set; } = 42;

    /// <summary>Sampling threads; 1 keeps training deterministic for a given seed.</summary>
    [Range(1, 64)]
    public int Threads { get; set; } = 1;
}
