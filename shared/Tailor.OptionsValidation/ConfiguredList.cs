using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Tailor.OptionsValidation;

/// <summary>
/// The configuration binder adds a configured list's entries to the defaults the property starts with, and drops an
/// entry it cannot convert without a word: <c>TopicCandidates:0=3</c> gave 4, 6, 8, 10, 12, 3. Read here, a configured
/// list replaces the defaults and an unreadable entry stops the start with its key.
/// </summary>
public static class ConfiguredList
{
    /// <summary>The entries configured under <paramref name="key"/>, in index order; null when none are.</summary>
    public static T[]? Read<T>(IConfiguration configuration, string key)
        where T : IParsable<T>
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var entries = configuration.GetSection(key).GetChildren().ToList();
        if (entries.Count == 0)
        {
            return null;
        }

        // A blank entry (an empty templated variable) would parse as an empty string, which every text contains: a
        // fragment list holding one would match everything.
        return [.. entries.Select(entry => !string.IsNullOrWhiteSpace(entry.Value) && T.TryParse(entry.Value, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new OptionsValidationException(key, typeof(T[]), [$"{entry.Path} '{entry.Value}' is not {SettingValues.Describe(typeof(T))}."]))];
    }
}
