namespace Tailor.Bench.Simulation;

/// <summary>
/// One arm's emails in one round: how many were opened and clicked, and how many the response model expected (the sum
/// of each email's chances). The expected counts carry no answer noise, so they show a policy's change between rounds
/// more clearly than the drawn ones.
/// </summary>
public sealed record ArmResult(string Arm, int Round, int Emails, int Opens, int Clicks, double ExpectedOpens, double ExpectedClicks)
{
    public double OpenRate => Emails == 0 ? 0 : Opens / (double)Emails;

    public double ClickRate => Emails == 0 ? 0 : Clicks / (double)Emails;

    public double ExpectedOpenRate => Emails == 0 ? 0 : ExpectedOpens / Emails;

    public double ExpectedClickRate => Emails == 0 ? 0 : ExpectedClicks / Emails;
}
