using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Tailor.OptionsValidation;

namespace Tailor.ContentGeneration.Frequency;

/// <summary>
/// The frequency caps as configured. The configuration binder drops a dictionary entry's value it cannot convert
/// without a word (<c>FrequencyCaps:promotional:Period=soon</c> kept the default 7 days) and ignores a misspelt key, so
/// the settings under <c>FrequencyCaps</c> are read here as written, and anything unreadable stops the start naming it.
/// </summary>
internal sealed class ConfiguredFrequencyCaps(IConfiguration configuration) : IValidateOptions<ContentGenerationOptions>
{
    private static readonly Dictionary<string, (Func<string, bool> Reads, string Allowed)> Settings = new(StringComparer.OrdinalIgnoreCase)
    {
        [nameof(FrequencyCapOptions.MaxEmails)] = (value => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _), SettingValues.Describe(typeof(int))),
        [nameof(FrequencyCapOptions.Period)] = (value => TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out _), SettingValues.Describe(typeof(TimeSpan))),
        [nameof(FrequencyCapOptions.Uncapped)] = (value => bool.TryParse(value, out _), SettingValues.Describe(typeof(bool))),
    };

    public ValidateOptionsResult Validate(string? name, ContentGenerationOptions options)
    {
        var caps = configuration.GetSection($"{ContentGenerationOptions.Section}:{nameof(ContentGenerationOptions.FrequencyCaps)}");
        var problems = new List<string>();
        foreach (var setting in caps.GetChildren().SelectMany(cap => cap.GetChildren()))
        {
            if (!Settings.TryGetValue(setting.Key, out var known))
            {
                problems.Add($"{setting.Path} is not a setting of a frequency cap; they are {string.Join(", ", Settings.Keys)}.");
            }
            else if (setting.Value is { } value && !known.Reads(value))
            {
                problems.Add($"{setting.Path} '{value}' is not {known.Allowed}.");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
