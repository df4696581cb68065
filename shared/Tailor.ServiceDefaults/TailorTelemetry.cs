namespace Tailor.ServiceDefaults;

/// <summary>Names of the telemetry sources every Tailor process exports.</summary>
public static class TailorTelemetry
{
    /// <summary>The ActivitySource and Meter name prefix of Tailor's own instrumentation (training, inference, generation).</summary>
    public const string SourcePrefix = "Tailor";

    /// <summary>MassTransit's diagnostic source and meter name.</summary>
    public const string MassTransitSource = "MassTransit";

    /// <summary>
    /// Turns span recording on without an OTLP endpoint, so that a test can add an exporter of its own
    /// (<c>ConfigureOpenTelemetryTracerProvider</c>); an OTLP endpoint turns it on too.
    /// </summary>
    public const string TracingEnabledKey = "Tailor:Tracing:Enabled";
}
