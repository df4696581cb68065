namespace Tailor.ContentGeneration.Frequency;

/// <summary>Whether one email may go out under its campaign type's cap, and the numbers behind the answer.</summary>
/// <param name="CapType">The type whose cap applied: the campaign's, or the default type for a campaign of an unconfigured type.</param>
/// <param name="SendsInWindow">The user's emails of that type already in the busiest cap period around this one's send time.</param>
/// <param name="Cap">The type's cap; null for an uncapped type.</param>
/// <param name="EffectiveCap">The cap after fatigue: lower than <paramref name="Cap"/> for a saturated user.</param>
/// <param name="SuppressionReason">Null when the email may go out; otherwise <c>frequency-cap</c> or <c>fatigue</c>.</param>
/// <param name="IsRepeat">The email was let through by an earlier attempt at the same command and is let through again.</param>
public sealed record FrequencyDecision(
    string CapType,
    FatigueState State,
    FatigueScore Fatigue,
    int SendsInWindow,
    int? Cap,
    int? EffectiveCap,
    string? SuppressionReason,
    bool IsRepeat = false)
{
    public bool Admitted => SuppressionReason is null;
}
