using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Tailor.Recommendation;

/// <summary>Traces and metrics of model training; the name matches the <c>Tailor.*</c> sources every host exports.</summary>
public static class RecommendationTelemetry
{
    public const string Name = "Tailor.Recommendation";

    public static readonly ActivitySource Source = new(Name);

    /// <summary>The serving model's version, on the model gauges and the training duration of a promoted model.</summary>
    public const string VersionTag = "tailor.model.version";

    private static readonly Meter Meter = new(Name);

    public static readonly Histogram<double> TrainingDuration =
        Meter.CreateHistogram<double>("tailor.recommendation.training.duration", "s", "How long one training (every model, the blend and the promotion check) took.");

    public static readonly Gauge<int> Users =
        Meter.CreateGauge<int>("tailor.recommendation.model.users", "{user}", "Users the serving model recommends to.");

    public static readonly Counter<long> Candidates =
        Meter.CreateCounter<long>(
            "tailor.recommendation.training.candidates", "{model}", "Trained models, tagged outcome=promoted or rejected (worse than the serving one on the held-out slice).");

    public static readonly Gauge<int> Items =
        Meter.CreateGauge<int>("tailor.recommendation.model.items", "{item}", "Items the serving model can recommend.");

    public static readonly Gauge<long> Interactions =
        Meter.CreateGauge<long>("tailor.recommendation.model.interactions", "{interaction}", "User-item interactions the serving model was trained on.");

    public static readonly Gauge<double> Ndcg =
        Meter.CreateGauge<double>("tailor.recommendation.model.ndcg", "1", "NDCG of the serving model on what users did after its training data, in [0, 1].");
}
