using System.ComponentModel.DataAnnotations;

namespace Tailor.ContentGeneration.Subjects;

/// <summary>How subject variants compete (section <c>Tailor:ContentGeneration:Subjects</c>).</summary>
public sealed class SubjectBanditOptions
{
    public const string Section = "Tailor:ContentGeneration:Subjects";

    /// <summary>How many opens a click is worth in a variant's score: a click says the subject brought a reader who acted.</summary>
    [Range(0.0, 100.0)]
    public double ClickWeight { get; set; } = 2;

    /// <summary>Exploration stops when one variant is the best with at least this probability.</summary>
    [Range(0.5, 0.9999)]
    public double WinnerConfidence { get; set; } = 0.95;

    /// <summary>
    /// Emails the test must have gone to (all variants together) before a winner may be declared, so early luck does not
    /// end it. Not per variant: Thompson sampling sends a clear loser few emails, which is its point.
    /// </summary>
    [Range(1, 10_000_000)]
    public int MinShown { get; set; } = 200;
}
