using System.ComponentModel.DataAnnotations;
using Tailor.Recommendation.Als;

namespace Tailor.Recommendation;

/// <summary>Section <c>Tailor:Recommendation</c>; retraining thresholds live under <c>Tailor:Recommendation:Retrain</c>.</summary>
public sealed class RecommendationOptions
{
    public const string Section = "Tailor:Recommendation";
    public const string RetrainSection = Section + ":Retrain";

    /// <summary>How many items each user gets.</summary>
    [Range(1, 100)]
    public int TopN { get; set; } = 6;

    [Range(1, 512)]
    public int Factors { get; set; } = 64;

    [Range(0.0, 10_000.0)]
    public double Regularization { get; set; } = 0.1;

    [Range(1, 200)]
    public int Iterations { get; set; } = 15;

    [Range(1, 64)]
    public int ConjugateGradientSteps { get; set; } = 3;

    /// <summary>Confidence of an observed cell is 1 + Alpha · ln(1 + weight): a hundred units bought is surer, not a hundred times surer.</summary>
    [Range(0.0, 10_000.0)]
    public double Alpha { get; set; } = 1.0;

    public int Seed { get; set; } = 42;

    /// <summary>Leave out what the user already bought (a shop of consumables may want them back in).</summary>
    public bool ExcludePurchased { get; set; } = true;

    /// <summary>Weight of one product view, against one unit bought.</summary>
    [Range(0.0, 1_000.0)]
    public double ViewWeight { get; set; } = 0.5;

    /// <summary>Weight of one click on an item in an email, against one unit bought.</summary>
    [Range(0.0, 1_000.0)]
    public double ClickWeight { get; set; } = 1.0;

    /// <summary>"Popular right now" counts the buyers of each item in this window before the latest interaction.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan PopularityWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How stale this replica's in-memory copy of the item vectors may get: each replica consumes only some of the
    /// <c>ItemEmbedded</c> messages, so it reloads the others from the store this often.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ItemVectorRefresh { get; set; } = TimeSpan.FromMinutes(1);

    internal AlsParameters ToAlsParameters() =>
        new(Factors, (float)Regularization, Iterations, ConjugateGradientSteps, Seed);
}
