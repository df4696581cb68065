namespace Tailor.Bench.Simulation;

/// <summary>One arm's emails in one round, and how many were opened and clicked.</summary>
public sealed record ArmResult(string Arm, int Round, int Emails, int Opens, int Clicks)
{
    public double OpenRate => Emails == 0 ? 0 : Opens / (double)Emails;

    public double ClickRate => Emails == 0 ? 0 : Clicks / (double)Emails;
}
