using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Tailor.Recommendation;

/// <summary>Traces and metrics of model training; the name matches the <c>Tailor.*</c> sources every host exports.</summary>
public static class RecommendationTelemetry
{
    public const string Name = "Tailor.Recommendation";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Histogram<double> TrainingDuration =
        Meter.CreateHistogram<double>("tailor.recommendation.training.duration", "s", "How long one ALS training took.");

    public static readonly Gauge<int> Users =
        Meter.CreateGauge<int>("tailor.recommendation.model.users", "{user}", "Users the serving model recommends to.");

    public static readonly Gauge<int> Items =
        Meter.CreateGauge<int>("tailor.recommendation.model.items", "{item}", "Items the serving model can recommend.");
}
