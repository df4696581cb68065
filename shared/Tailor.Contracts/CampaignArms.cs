namespace Tailor.Contracts;

/// <summary>
/// The two arms of a campaign's control test. A random share of each campaign's audience (its
/// <see cref="CampaignRequested.ControlShare"/>, chosen per campaign and user by a hash) is held out as the control group
/// and gets the non-personalised email: the bestsellers, at the start of the send window, under a fixed subject. The
/// difference between the arms' open and click rates is the lift personalisation brings.
/// </summary>
public static class CampaignArms
{
    /// <summary>The users who get the email written for them.</summary>
    public const string Personalised = "personalised";

    /// <summary>The users held out: the same non-personalised email for everyone.</summary>
    public const string Control = "control";

    /// <summary>The share of a campaign's audience held out when the request names none.</summary>
    public const double DefaultControlShare = 0.05;

    /// <summary>The largest share a campaign may hold out: past half, the personalised arm would be the smaller one.</summary>
    public const double MaxControlShare = 0.5;
}
