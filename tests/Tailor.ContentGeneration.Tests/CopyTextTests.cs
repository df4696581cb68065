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
