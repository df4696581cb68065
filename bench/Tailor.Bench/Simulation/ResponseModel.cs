namespace Tailor.Bench.Simulation;

/// <summary>
/// How a simulated reader answers an email. They open more often when it arrives in their active hours (the share of
/// their activity within an hour of the send), and click more often the more of its products are ones they want.
/// These are assumptions of the simulator, stated here so the results can be read against them:
/// P(open) = 0.05 + 0.6 · hourFit (hourFit ≤ 1), P(click | open) = 0.05 + 0.6 · share of shown products wanted.
/// Opens come 0–90 minutes after delivery.
/// </summary>
public static class ResponseModel
{
    public const double BaseOpen = 0.05;
    public const double HourEffect = 0.6;
    public const double BaseClick = 0.05;
    public const double ItemEffect = 0.6;

    public static double HourFit(SimulatedUser user, int ukHour) =>
        user.ActiveHours[(ukHour + 23) % 24] + user.ActiveHours[ukHour] + user.ActiveHours[(ukHour + 1) % 24];

    public static double ItemFit(SimulatedUser user, IReadOnlyList<string> shown) =>
        shown.Count == 0 ? 0 : shown.Count(user.WantedItems.Contains) / (double)shown.Count;

    /// <summary>The chance the email is opened, and the chance it is clicked once opened.</summary>
    public static (double Open, double ClickIfOpened) Chances(SimulatedUser user, int ukHour, IReadOnlyList<string> shown) =>
        (BaseOpen + (HourEffect * Math.Min(1, HourFit(user, ukHour))), BaseClick + (ItemEffect * ItemFit(user, shown)));

    /// <summary>Whether the email is opened and clicked (and which wanted product is clicked), drawn with <paramref name="random"/>.</summary>
    public static (bool Opened, bool Clicked, string? ClickedItem, TimeSpan Latency) Respond(
        SimulatedUser user, int ukHour, IReadOnlyList<string> shown, Random random)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(shown);
        ArgumentNullException.ThrowIfNull(random);
        var (open, clickIfOpened) = Chances(user, ukHour, shown);
        var opened = random.NextDouble() < open;
        var clicked = opened && random.NextDouble() < clickIfOpened;
        var wanted = shown.Where(user.WantedItems.Contains).ToList();
        var item = !clicked ? null : wanted.Count > 0 ? wanted[random.Next(wanted.Count)] : shown.Count > 0 ? shown[random.Next(shown.Count)] : null;
        return (opened, clicked, item, TimeSpan.FromMinutes(random.Next(0, 90)));
    }
}
