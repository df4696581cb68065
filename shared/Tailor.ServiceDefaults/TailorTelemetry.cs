namespace Tailor.ServiceDefaults;

/// <summary>Names of the telemetry sources every Tailor process exports.</summary>
public static class TailorTelemetry
{
    /// <summary>The ActivitySource and Meter name prefix of Tailor's own instrumentation (training, inference, generation).</summary>
    public const string SourcePrefix = "Tailor";

    /// <summary>MassTransit's diagnostic source and meter name.</summary>
    public const string MassTransitSource = "MassTransit";
}
