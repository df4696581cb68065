using System.ComponentModel.DataAnnotations;
using Tailor.Recommendation.Als;
using Tailor.OptionsValidation;
using Tailor.Recommendation.Scoring;

namespace Tailor.Recommendation;

/// <summary>Section <c>Tailor:Recommendation</c>; retraining thresholds live under <c>Tailor:Recommendation:Retrain</c>.</summary>
public sealed class RecommendationOptions
{
    public const string Section = "Tailor:Recommendation";
    public const string RetrainSection = Section + ":Retrain";

    /// <summary>How many items each user gets.</summary>
    [Range(1, 100)]
    public int TopN { get; set; } = 6;

    // Factors, Regularization, Iterations, Alpha, Neighbours, PopularityWindow and BuyAgainHalfLife are what
    // `eval recommend --tune` chose on the shared data (docs/models.md).
    [Range(1, 512)]
    public int Factors { get; set; } = 128;

    [Range(0.0, 10_000.0)]
    public double Regularization { get; set; } = 10;

    [Range(1, 200)]
    public int Iterations { get; set; } = 10;

    [Range(1, 64)]
    public int ConjugateGradientSteps { get; set; } = 3;

    /// <summary>Confidence of an observed cell is 1 + Alpha · f(weight), f chosen by <see cref="Scaling"/>.</summary>
    [Range(0.0, 10_000.0)]
    public double Alpha { get; set; } = 0.5;

    /// <summary>f in ALS confidence: <c>Log</c> (ln(1 + weight): a hundred units is surer, not a hundred times surer), <c>Linear</c> or <c>Bm25</c>.</summary>
    public ConfidenceScaling Scaling { get; set; } = ConfidenceScaling.Log;

    /// <summary>Item-kNN keeps this many most similar items per item.</summary>
    [Range(1, 10_000)]
    public int Neighbours { get; set; } = 25;

    /// <summary>"Buy again" counts an order half as much after this long.</summary>
    [TimeSpanRange("1.00:00:00", "3650.00:00:00")]
    public TimeSpan BuyAgainHalfLife { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// The last stretch of the data held out at each training to choose what is served (<see cref="Scoring.ServedSelection"/>:
    /// the blend or the best single model, fitted there), widened while it holds too few users with a history
    /// (<see cref="Scoring.ValidationWindow"/>); when the data is not longer than this, the weights found on the
    /// shared data (<see cref="Scoring.BlendWeights.Defaults"/>) are used.
    /// </summary>
    [TimeSpanRange("1.00:00:00", "365.00:00:00")]
    public TimeSpan BlendValidation { get; set; } = TimeSpan.FromDays(30);

    public int Seed { get; set; } = 42;

    /// <summary>
    /// Maximal marginal relevance's λ: each next item is chosen by λ · relevance − (1 − λ) · its similarity to the items
    /// already chosen, so an email does not show six near-identical items. 1 turns it off.
    /// </summary>
    [Range(0.0, 1.0)]
    public double Diversity { get; set; } = 0.9;

    /// <summary>
    /// Shown-but-ignored items as weak negatives: each time an email showed the user an item and nothing from them
    /// followed about it, the item's blended score is multiplied by (1 − IgnoredPenalty). 0 turns it off.
    /// </summary>
    [Range(0.0, 1.0)]
    public double IgnoredPenalty { get; set; } = 0.2;

    /// <summary>
    /// A click in an email as a strong positive: each click on an item multiplies its blended score by
    /// (1 + ClickedBoost), for at most <see cref="MaxBoostedClicks"/> clicks. A reader who clicked a product wants it
    /// now, which one unit in a years-long purchase history (<see cref="ClickWeight"/>) cannot say. 0 turns it off.
    /// </summary>
    [Range(0.0, 100.0)]
    public double ClickedBoost { get; set; } = 1.0;

    /// <summary>Clicks past this many add no more boost, so one item cannot hold a slot for ever.</summary>
    public const int MaxBoostedClicks = 2;

    /// <summary>
    /// Leave out what the user already bought: true or false fixes it; unset (the default) chooses at each training on
    /// the validation stretch, whichever lists predict what users took next better. A shop whose customers re-order
    /// (Online Retail) gets them kept, which fills an email's "Buy again" section; a shop of things bought once gets
    /// them left out. With data too short to validate on, they are kept.
    /// </summary>
    public bool? ExcludePurchased { get; set; }

    /// <summary>Weight of one product view, against one unit bought.</summary>
    [Range(0.0, 1_000.0)]
    public double ViewWeight { get; set; } = 0.5;

    /// <summary>Weight of one click on an item in an email, against one unit bought.</summary>
    [Range(0.0, 1_000.0)]
    public double ClickWeight { get; set; } = 1.0;

    /// <summary>"Popular right now" counts the buyers of each item in this window before the latest interaction.</summary>
    [TimeSpanRange("1.00:00:00", "3650.00:00:00")]
    public TimeSpan PopularityWindow { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// How stale this replica's in-memory copy of the item vectors may get: each replica consumes only some of the
    /// <c>ItemEmbedded</c> messages, so it reloads the others from the store this often.
    /// </summary>
    [TimeSpanRange("00:00:01", "1.00:00:00")]
    public TimeSpan ItemVectorRefresh { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How much lower a new model's NDCG@TopN on the held-out slice may be than the serving model's and still replace
    /// it (absolute): a little slack so a model as good within noise still brings in the newest data.
    /// </summary>
    [Range(0.0, 1.0)]
    public double PromotionTolerance { get; set; } = 0.01;

    /// <summary>Fewer users than this in the held-out slice say too little to block a new model: it is promoted.</summary>
    [Range(1, 1_000_000)]
    public int MinPromotionUsers { get; set; } = 20;

    internal AlsParameters ToAlsParameters() =>
        new(Factors, (float)Regularization, Iterations, ConjugateGradientSteps, Seed);

    /// <summary>The same settings as the offline evaluation takes them, so the service trains the models it measures.</summary>
    public EvaluationSettings ToEvaluationSettings() => new(
        Factors,
        Regularization,
        Iterations,
        Scaling,
        Alpha,
        Neighbours,
        (int)PopularityWindow.TotalDays,
        (int)BuyAgainHalfLife.TotalDays,
        (int)BlendValidation.TotalDays,
        Seed,
        Diversity);
}
