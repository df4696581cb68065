namespace Tailor.Ingestion.Validation;

/// <summary>Longest accepted values; generous for real data, small enough to keep one bad client from bloating the log.</summary>
internal static class FieldLimits
{
    public const int Id = Tailor.Messaging.Rules.Identifiers.MaxLength;
    public const int Name = 200;
    public const int Email = 320;
    public const int Title = 500;
    public const int Category = 200;
    public const int Description = 5_000;
    public const int Goal = 2_000;
    public const int Text = 10_000;
    public const int Url = 2_048;
}
