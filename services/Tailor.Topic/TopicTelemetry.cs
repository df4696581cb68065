using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Tailor.Topic;

/// <summary>Traces and metrics of topic-model training; the name matches the <c>Tailor.*</c> sources every host exports.</summary>
public static class TopicTelemetry
{
    public const string Name = "Tailor.Topic";

    public static readonly ActivitySource Source = new(Name);

    /// <summary>The serving model's version, on the model gauges and the training duration of a promoted model.</summary>
    public const string VersionTag = "tailor.model.version";

    private static readonly Meter Meter = new(Name);

    public static readonly Histogram<double> TrainingDuration =
        Meter.CreateHistogram<double>("tailor.topic.training.duration", "s", "How long one LDA training took.");

    public static readonly Counter<long> Candidates =
        Meter.CreateCounter<long>("tailor.topic.training.candidates", "{model}", "Trained models, tagged outcome=promoted or rejected (less coherent than the serving one).");

    public static readonly Gauge<double> Coherence =
        Meter.CreateGauge<double>("tailor.topic.model.coherence", "1", "NPMI coherence of the serving model's topics, in [-1, 1].");

    public static readonly Gauge<int> Documents =
        Meter.CreateGauge<int>("tailor.topic.model.documents", "{document}", "User documents the serving model was trained on.");
}
