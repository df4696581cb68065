using Tailor.SendTime.Model;

namespace Tailor.SendTime.Learning;

/// <summary>
/// What Tailor's own sends taught about each hour: the user's engagement rate for emails delivered at that hour against
/// their rate overall. The preference is multiplied by it, so hours where emails go unread lose weight however often
/// Tailor chose them, and hours where they are read gain it.
/// </summary>
public static class SendOutcomes
{
    /// <summary>An open within this long of delivery belongs to the delivery's hour (not a session of the reader's own).</summary>
    public static readonly TimeSpan SameSession = TimeSpan.FromHours(1);

    /// <summary>The weights adjusted by each hour's engagement rate, summing to 1; unchanged when nothing was delivered.</summary>
    /// <param name="priorDeliveries">How many deliveries at the user's overall rate each hour starts with, so one unread email moves little.</param>
    public static double[] Adjust(double[] weights, double[]? delivered, double[]? engaged, double priorDeliveries)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (delivered is not { Length: WeekHours.Count } || engaged is not { Length: WeekHours.Count } || delivered.Sum() == 0)
        {
            return weights;
        }

        var overall = (engaged.Sum() + 1) / (delivered.Sum() + 2);
        var adjusted = new double[weights.Length];
        for (var hour = 0; hour < weights.Length; hour++)
        {
            var rate = (engaged[hour] + (priorDeliveries * overall)) / (delivered[hour] + priorDeliveries);
            adjusted[hour] = weights[hour] * rate / overall;
        }

        var total = adjusted.Sum();
        return total > 0 ? [.. adjusted.Select(weight => weight / total)] : weights;
    }
}
