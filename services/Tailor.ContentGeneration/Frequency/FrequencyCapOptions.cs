namespace Tailor.ContentGeneration.Frequency;

/// <summary>One campaign type's cap (<c>Tailor:ContentGeneration:FrequencyCaps:{type}</c>).</summary>
public sealed class FrequencyCapOptions
{
    /// <summary>Most emails of this type one user gets in any <see cref="Period"/>; required (1 or more) unless <see cref="Uncapped"/>.</summary>
    public int MaxEmails { get; set; }

    /// <summary>The length of the rolling window the cap applies to.</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Never capped, not even for saturated users (receipts, password resets). A flag of its own rather than a magic
    /// <see cref="MaxEmails"/>, so that 0 cannot be read as either "never" or "no limit".
    /// </summary>
    public bool Uncapped { get; set; }
}
