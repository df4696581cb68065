namespace Tailor.Contracts;

/// <summary>What an email provider reported about one email.</summary>
public enum EngagementKind
{
    Delivered,
    Open,
    Click,
    SoftBounce,
    HardBounce,
    Complaint,
    Unsubscribe,
    Resubscribe,
}
