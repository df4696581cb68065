namespace Tailor.OptionsValidation;

/// <summary>What a setting of a given type may be, in the words every refusal at start uses.</summary>
public static class SettingValues
{
    public static string Describe(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying switch
        {
            _ when underlying == typeof(int) || underlying == typeof(long) => "a whole number",
            _ when underlying == typeof(double) || underlying == typeof(float) => "a number such as 0.5",
            _ when underlying == typeof(bool) => "true or false",
            _ when underlying == typeof(TimeSpan) => "a duration [d.]hh:mm:ss[.fff], such as 00:00:30 or 7.00:00:00",
            _ when underlying == typeof(DateTimeOffset) => "a date and time such as 2000-01-01T00:00:00Z",
            _ when underlying == typeof(string) => "a non-blank value",
            { IsEnum: true } => $"one of {string.Join(", ", Enum.GetNames(underlying))}",
            _ => $"a value of type {underlying.Name}",
        };
    }
}
