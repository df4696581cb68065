namespace Tailor.Bench.Simulation;

/// <summary>
/// How a simulated reader answers an email. These are assumptions of the simulator, stated here so the results can be
/// read against them:
/// <list type="bullet">
/// <item>P(open) = 0.05 + 0.6 · hourFit, hourFit being the share of the reader's activity within an hour of the send (at most 1);</item>
/// <item>P(click | open) = 0.05 + 0.6 · the share of the shown products the reader wants now; the click lands on a wanted
/// product when one is shown, otherwise on any shown product;</item>
/// <item>P(purchase | click on a wanted product) = 0.5; a click on a product not wanted buys nothing;</item>
/// <item>opens come 0–89 minutes after delivery, the click a minute later, the purchase five minutes after that.</item>
/// </list>
/// </summary>
public static class ResponseModel
{
    public const double BaseOpen = 0.05;
    public const double HourEffect = 0.6;
    public const double BaseClick = 0.05;
    public const double ItemEffect = 0.6;
    public const double BuyIfWantedClicked = 0.5;

    public static double HourFit(IReadOnlyList<double> activeHours, int ukHour)
    {
        ArgumentNullException.ThrowIfNull(activeHours);
        return activeHours[(ukHour + 23) % 24] + activeHours[ukHour] + activeHours[(ukHour + 1) % 24];
    }

    /// <summary>The chances of an open, a click and a purchase for this email, before any draw.</summary>
    public static ResponseChances Chances(IReadOnlyList<double> activeHours, int ukHour, IReadOnlyList<string> shown, IReadOnlySet<string> wanted)
    {
        ArgumentNullException.ThrowIfNull(shown);
        ArgumentNullException.ThrowIfNull(wanted);
        var wantedShown = shown.Count(wanted.Contains);
        var open = BaseOpen + (HourEffect * Math.Min(1, HourFit(activeHours, ukHour)));
        var clickIfOpened = BaseClick + (ItemEffect * (shown.Count == 0 ? 0 : wantedShown / (double)shown.Count));
        return new ResponseChances(open, clickIfOpened, wantedShown > 0 ? BuyIfWantedClicked : 0);
    }

    /// <summary>The reader's answer, drawn with the round's <paramref name="draws"/>.</summary>
    public static Response Respond(IReadOnlyList<double> activeHours, int ukHour, IReadOnlyList<string> shown, IReadOnlySet<string> wanted, ResponseDraws draws)
    {
        var chances = Chances(activeHours, ukHour, shown, wanted);
        var opened = draws.Open < chances.Open;
        var clicked = opened && shown.Count > 0 && draws.Click < chances.ClickIfOpened;
        if (!clicked)
        {
            return new Response(chances, opened, false, null, false, TimeSpan.FromMinutes(draws.LatencyMinutes));
        }

        var wantedShown = shown.Where(wanted.Contains).ToList();
        var pool = wantedShown.Count > 0 ? wantedShown : shown;
        var item = pool[Math.Min(pool.Count - 1, (int)(draws.Item * pool.Count))];
        var bought = wantedShown.Count > 0 && draws.Buy < chances.BuyIfClicked;
        return new Response(chances, true, true, item, bought, TimeSpan.FromMinutes(draws.LatencyMinutes));
    }
}

/// <summary>An email's chances: of an open, of a click once opened, and of a purchase once clicked.</summary>
public sealed record ResponseChances(double Open, double ClickIfOpened, double BuyIfClicked)
{
    public double Click => Open * ClickIfOpened;

    public double Purchase => Click * BuyIfClicked;
}

/// <summary>What a reader did with one email; <see cref="ClickedItem"/> is set when they clicked, and bought when <see cref="Bought"/>.</summary>
public sealed record Response(ResponseChances Chances, bool Opened, bool Clicked, string? ClickedItem, bool Bought, TimeSpan OpenLatency);
