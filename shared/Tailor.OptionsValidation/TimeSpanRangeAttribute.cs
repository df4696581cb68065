using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Tailor.OptionsValidation;

/// <summary>
/// A <see cref="TimeSpan"/> option must lie between two limits, inclusive. Use this instead of
/// <c>[Range(typeof(TimeSpan), …)]</c>: that attribute converts its limits lazily, without a lock,
/// on first use, and two hosts validating the same options type at once can see the half-converted
/// state and throw <see cref="InvalidCastException"/> (dotnet/runtime#1143). Here the limits are
/// parsed once, in the constructor, so the attribute is immutable and safe to share.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class TimeSpanRangeAttribute : ValidationAttribute
{
    /// <param name="minimum">The smallest value allowed, in invariant <c>[d.]hh:mm:ss[.fffffff]</c> form.</param>
    /// <param name="maximum">The largest value allowed, in the same form.</param>
    public TimeSpanRangeAttribute(string minimum, string maximum)
        : base("The field {0} must be between {1} and {2}.")
    {
        Minimum = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);
        Maximum = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);
        if (Minimum > Maximum)
        {
            throw new ArgumentException($"The minimum {minimum} is greater than the maximum {maximum}.", nameof(minimum));
        }
    }

    public TimeSpan Minimum { get; }

    public TimeSpan Maximum { get; }

    /// <summary>An absent value is valid, as with <see cref="RangeAttribute"/>; pair with <see cref="RequiredAttribute"/> to demand one.</summary>
    public override bool IsValid(object? value) =>
        value is null || (value is TimeSpan span && span >= Minimum && span <= Maximum);

    public override string FormatErrorMessage(string name) =>
        string.Format(CultureInfo.CurrentCulture, ErrorMessageString, name,
            Minimum.ToString("c", CultureInfo.InvariantCulture), Maximum.ToString("c", CultureInfo.InvariantCulture));
}
