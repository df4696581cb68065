using System.Globalization;
using System.Text.RegularExpressions;

namespace Tailor.Host.CommandLine;

/// <summary>
/// A setting whose text is not of its property's type (a word where a number goes, an enum name that does not exist)
/// fails before any validation runs: the configuration binder throws while the options are built at start. Its message
/// names the key and the .NET type; this turns it into one line an operator can act on, saying what is allowed.
/// </summary>
public static partial class UnconvertibleSetting
{
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        [typeof(int).FullName!] = "a whole number",
        [typeof(long).FullName!] = "a whole number",
        [typeof(double).FullName!] = "a number such as 0.5",
        [typeof(float).FullName!] = "a number such as 0.5",
        [typeof(bool).FullName!] = "true or false",
        [typeof(TimeSpan).FullName!] = "a duration [d.]hh:mm:ss[.fff], such as 00:00:30 or 7.00:00:00",
        [typeof(DateTimeOffset).FullName!] = "a date and time such as 2000-01-01T00:00:00Z",
    };

    /// <summary>The line to print, or null when <paramref name="exception"/> is not the binder's conversion failure.</summary>
    public static string? Describe(InvalidOperationException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception.TargetSite?.DeclaringType != typeof(ConfigurationBinder) || FailedBinding().Match(exception.Message) is not { Success: true } failed)
        {
            return null;
        }

        var (value, key, type) = (failed.Groups["value"].Value, failed.Groups["key"].Value, failed.Groups["type"].Value);
        return string.Create(CultureInfo.InvariantCulture, $"{key} '{value}' is not {AllowedFor(type)}.");
    }

    private static string AllowedFor(string typeName)
    {
        if (Allowed.TryGetValue(Nullable(typeName), out var allowed))
        {
            return allowed;
        }

        // Enums are Tailor's own types, loaded by the time their options are bound.
        var type = AppDomain.CurrentDomain.GetAssemblies()
            .Select(assembly => assembly.GetType(Nullable(typeName), throwOnError: false))
            .FirstOrDefault(found => found is not null);
        return type is { IsEnum: true }
            ? $"one of {string.Join(", ", Enum.GetNames(type))}"
            : $"a value of type {typeName}";
    }

    // Nullable<T> is written with its argument's assembly-qualified name: keep only the argument's full name.
    private static string Nullable(string typeName) =>
        NullableOf().Match(typeName) is { Success: true } nullable ? nullable.Groups["inner"].Value : typeName;

    [GeneratedRegex("^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex FailedBinding();

    [GeneratedRegex(@"^System\.Nullable`1\[\[(?<inner>[^,\]]+)")]
    private static partial Regex NullableOf();
}
