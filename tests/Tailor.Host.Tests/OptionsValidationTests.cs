using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Tailor.OptionsValidation;

namespace Tailor.Host.Tests;

public class OptionsValidationTests
{
    private sealed class Window
    {
        [TimeSpanRange("00:00:01", "01:00:00")]
        public TimeSpan Wait { get; set; }
    }

    [Theory]
    [InlineData("00:00:01", true)]
    [InlineData("00:30:00", true)]
    [InlineData("01:00:00", true)]
    [InlineData("00:00:00.999", false)]
    [InlineData("01:00:00.001", false)]
    public void A_time_span_inside_the_limits_inclusive_is_valid_and_one_outside_is_not(string wait, bool valid)
    {
        var window = new Window { Wait = TimeSpan.Parse(wait, System.Globalization.CultureInfo.InvariantCulture) };
        var errors = new List<ValidationResult>();

        var result = Validator.TryValidateObject(window, new ValidationContext(window), errors, validateAllProperties: true);

        Assert.Equal(valid, result);
        if (!valid)
        {
            Assert.Equal("The field Wait must be between 00:00:01 and 01:00:00.", Assert.Single(errors).ErrorMessage);
        }
    }

    [Fact]
    public void Limits_the_wrong_way_round_fail_where_the_attribute_is_made()
    {
        var failure = Assert.Throws<ArgumentException>(() => new TimeSpanRangeAttribute("01:00:00", "00:00:01"));

        Assert.Contains("greater than the maximum", failure.Message, StringComparison.Ordinal);
    }

    // RangeAttribute built from a type and two strings converts its limits on first use without a lock;
    // two hosts validating one options type at once then throw InvalidCastException (dotnet/runtime#1143).
    // CI failed on exactly that, so no Tailor assembly may use it: TimeSpanRange is the one way.
    [Fact]
    public void No_Tailor_options_property_uses_a_range_whose_limits_are_converted_on_first_use()
    {
        var offenders = TailorAssemblies.All
            .SelectMany(assembly => assembly.GetTypes())
            .SelectMany(type => type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(property => property.GetCustomAttributes<RangeAttribute>()
                    .Any(range => range.OperandType != typeof(int) && range.OperandType != typeof(double)))
                .Select(property => $"{type.FullName}.{property.Name}"))
            .ToList();

        Assert.True(TailorAssemblies.All.Count >= 10, "the scan found too few Tailor assemblies to mean anything");
        Assert.Empty(offenders);
    }
}
