namespace Tailor.Ingestion.Validation;

/// <summary>Reads finite Unix seconds (SendGrid's and Mailgun's event times, signing times) without ever throwing.</summary>
internal static class UnixTimes
{
    /// <summary>Said with a Unix time that is out of range: milliseconds in a seconds field is the usual cause.</summary>
    public const string Hint = "It is read as Unix seconds (not milliseconds).";

    private static readonly double MinSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly double MaxSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    /// <summary>
    /// The instant, held to what a <see cref="DateTimeOffset"/> can represent: a value past either end (milliseconds
    /// sent as seconds) becomes that end, which any range check then refuses, instead of an exception.
    /// </summary>
    public static DateTimeOffset FromSeconds(double seconds) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)(Math.Clamp(seconds, MinSeconds, MaxSeconds) * TimeSpan.TicksPerSecond));
}
