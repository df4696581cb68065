namespace Tailor.Ingestion.Validation;

/// <summary>
/// A value the sender supplied, as an error message quotes it: cut short, so a header or field of kilobytes does not
/// come back in full in every problem it causes.
/// </summary>
internal static class Quoted
{
    public const int MaxLength = 64;

    public static string Short(string? value) => value is null ? "" : value.Length <= MaxLength ? value : $"{value[..MaxLength]}…";
}
