using Tailor.SendTime.Model;

namespace Tailor.SendTime.Learning;

/// <summary>Weighted evidence per local hour of the week (index 0 = Monday 00:00 in the owner's zone), and how many events it came from.</summary>
public sealed class HourOfWeekCounts
{
    public double[] Weights { get; init; } = new double[WeekHours.Count];

    public long Events { get; set; }

    /// <summary>The batch of evidence last added, so a retry of that batch after a later step failed adds nothing twice.</summary>
    public Guid? LastBatch { get; set; }

    public double TotalWeight() => Weights.Sum();

    public void Add(int hourOfWeek, double weight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hourOfWeek);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(hourOfWeek, WeekHours.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(weight);
        Weights[hourOfWeek] += weight;
        Events++;
    }

    /// <summary>Adds a batch's evidence once: false, and nothing added, when it is the batch added last.</summary>
    public bool AddBatch(Guid batchId, IEnumerable<(int HourOfWeek, double Weight)> evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (LastBatch == batchId)
        {
            return false;
        }

        foreach (var (hourOfWeek, weight) in evidence)
        {
            Add(hourOfWeek, weight);
        }

        LastBatch = batchId;
        return true;
    }

    /// <summary>Fails loudly on a stored document of another shape instead of learning from a truncated week.</summary>
    public HourOfWeekCounts EnsureValid(string documentId)
    {
        if (Weights is not { Length: WeekHours.Count } || Weights.Any(weight => weight < 0 || !double.IsFinite(weight)))
        {
            throw new InvalidDataException($"Send-time counts '{documentId}' do not hold {WeekHours.Count} non-negative weights.");
        }

        return this;
    }
}
