using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Tailor.Host.CommandLine;

/// <summary>
/// The lines an operator reads when options fail validation at start. A data annotation's failure names the options
/// class and the property ("DataAnnotation validation failed for 'SendTimeOptions' members: 'RecencyHalfLife' ...");
/// the operator set a key, so where the class says which section it is bound to, the line names the key instead:
/// <c>Tailor:SendTime:RecencyHalfLife: The field RecencyHalfLife must be between ...</c>. Other failures already name
/// their keys and are kept as they are. The section may be declared by a base class (SendTimeOptions extends
/// AccountClockOptions, whose key ContentGeneration reads too).
/// </summary>
public static partial class InvalidSettings
{
    public static IReadOnlyList<string> Describe(OptionsValidationException invalid)
    {
        ArgumentNullException.ThrowIfNull(invalid);
        var section = invalid.OptionsType.GetField("Section", BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy)?.GetRawConstantValue() as string;
        return [.. invalid.Failures.Select(failure =>
            section is not null && DataAnnotationFailure().Match(failure) is { Success: true } annotated
                ? $"{section}:{annotated.Groups["member"].Value}: {annotated.Groups["error"].Value}"
                : failure)];
    }

    [GeneratedRegex(@"^DataAnnotation validation failed for '[^']+' members: '(?<member>[^']+)' with the error: '(?<error>.*)'\.$", RegexOptions.Singleline)]
    private static partial Regex DataAnnotationFailure();
}
