using System.Globalization;
using System.Text.RegularExpressions;
using Tailor.OptionsValidation;

namespace Tailor.Host.CommandLine;

/// <summary>
/// A setting whose text is not of its property's type (a word where a number goes, an enum name that does not exist)
/// fails before any validation runs: the configuration binder throws while the options are built at start. Its message
/// names the key and the .NET type; this turns it into one line an operator can act on, saying what is allowed.
/// </summary>
public static partial class UnconvertibleSetting
{
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
        // The framework's types by name; enums are Tailor's own, loaded by the time their options are bound.
        var type = Type.GetType(Nullable(typeName), throwOnError: false) ?? AppDomain.CurrentDomain.GetAssemblies()
            .Select(assembly => assembly.GetType(Nullable(typeName), throwOnError: false))
            .FirstOrDefault(found => found is not null);
        return type is null ? $"a value of type {typeName}" : SettingValues.Describe(type);
    }

    // Nullable<T> is written with its argument's assembly-qualified name: keep only the argument's full name.
    private static string Nullable(string typeName) =>
        NullableOf().Match(typeName) is { Success: true } nullable ? nullable.Groups["inner"].Value : typeName;

    [GeneratedRegex("^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex FailedBinding();

    [GeneratedRegex(@"^System\.Nullable`1\[\[(?<inner>[^,\]]+)")]
    private static partial Regex NullableOf();
}
