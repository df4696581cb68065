using Tailor.SendTime.Evaluation;
using Tailor.SendTime.Serving;

namespace Tailor.SendTime.Tests;

public sealed class SendTimeComparisonTests
{
    [Fact]
    public void Rows_give_the_gain_over_the_global_hour_with_an_interval_from_resampled_customers()
    {
        // Two months of the same 50 customers: the model doubles the global hour's share for every one of them, so every
        // resample gives +100%; another model is even, half the customers up, half down, so the interval spans zero.
        var scores = new List<UserHitRate>();
        foreach (var month in new[] { 0, 1 })
        {
            for (var customer = 0; customer < 50; customer++)
            {
                var user = $"c{customer}";
                scores.Add(new UserHitRate(SendTimeModels.GlobalHour, user, month, 0.25));
                scores.Add(new UserHitRate("double", user, month, 0.5));
                scores.Add(new UserHitRate("even", user, month, customer % 2 == 0 ? 0.5 : 0.0));
            }
        }

        var rows = SendTimeComparison.Rows(scores).Where(row => row.Segment == SendTimeComparison.All).ToDictionary(row => row.Model);

        Assert.Equal(100, rows["double"].Users);
        Assert.Equal((1.0, 1.0, 1.0), (rows["double"].VsGlobal, rows["double"].VsGlobalLow, rows["double"].VsGlobalHigh));
        Assert.Equal(0.25, rows["even"].HitRate1h, 9);
        Assert.Equal(0.0, rows["even"].VsGlobal, 9);
        Assert.True(rows["even"].VsGlobalLow < 0 && rows["even"].VsGlobalHigh > 0, $"{rows["even"]}");
        // Seeded: the same scores give the same interval.
        Assert.Equal(rows["even"], SendTimeComparison.Rows(scores).Single(row => row.Model == "even" && row.Segment == SendTimeComparison.All));
        // The first month's customers had no training occurrence.
        Assert.Equal(50, SendTimeComparison.Rows(scores).Single(row => row.Model == "double" && row.Segment == SendTimeComparison.NoHistory).Users);
    }
}
