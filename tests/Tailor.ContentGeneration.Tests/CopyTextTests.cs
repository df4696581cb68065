using Tailor.ContentGeneration.Composition;

namespace Tailor.ContentGeneration.Tests;

public sealed class CopyTextTests
{
    [Theory]
    [InlineData("  Anna  ", "Anna")]
    [InlineData("Anna\r\nBcc: x", "Anna Bcc: x")]
    [InlineData("A\tB\u0000C", "A B C")]
    [InlineData(" \r\n\t ", null)]
    [InlineData(null, null)]
    public void SingleLine_collapses_line_breaks_control_characters_and_white_space(string? value, string? expected)
    {
        Assert.Equal(expected, CopyText.SingleLine(value));
    }

    [Theory]
    [InlineData("CUP \u202Egnp.exe", "CUP gnp.exe")]
    [InlineData("\u2067Ada\u2069 \u202Ax\u202C", "Ada x")]
    [InlineData("free\u200B delivery\u2060\uFEFF", "free delivery")]
    [InlineData("\u202E\u200B", null)]
    [InlineData("\u05D3\u05E0\u05D4\u200F (Dana)", "\u05D3\u05E0\u05D4\u200F (Dana)")]
    [InlineData("family \U0001F469\u200D\U0001F467 \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645", "family \U0001F469\u200D\U0001F467 \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645")]
    public void SingleLine_drops_direction_overrides_and_zero_width_spaces_but_keeps_marks_and_joiners(string value, string? expected)
    {
        Assert.Equal(expected, CopyText.SingleLine(value));
    }

    [Fact]
    public void Fit_keeps_text_that_fits()
    {
        Assert.Equal("WHITE METAL LANTERN", CopyText.Fit("WHITE METAL LANTERN", 19));
    }

    [Fact]
    public void Fit_cuts_at_a_word_boundary_and_adds_an_ellipsis()
    {
        Assert.Equal("WHITE HANGING…", CopyText.Fit("WHITE HANGING HEART T-LIGHT HOLDER", 16));
    }

    [Fact]
    public void Fit_cuts_a_single_long_word_without_splitting_a_surrogate_pair()
    {
        var fitted = CopyText.Fit("ab😀cdef", 4);

        Assert.Equal("ab…", fitted);
        Assert.InRange(fitted.Length, 1, 4);
    }
}
