namespace Tailor.Bench.Simulation;

/// <summary>
/// One arm's emails in one round of one seed: the opens, clicks and purchases drawn, and the ones the response model
/// expected (the sum of each email's chances, without the answers' noise).
/// </summary>
public sealed record ArmResult(
    int Seed, string Arm, int Round, int Emails, int Opens, int Clicks, int Purchases, double ExpectedOpens, double ExpectedClicks, double ExpectedPurchases);
