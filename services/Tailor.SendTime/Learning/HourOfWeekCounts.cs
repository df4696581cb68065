using System.Text.Json.Serialization;
using Tailor.Contracts;
using Tailor.SendTime.Model;

namespace Tailor.SendTime.Learning;

/// <summary>Weighted evidence per local hour of the week (index 0 = Monday 00:00 in the owner's zone), and how many events it came from.</summary>
public sealed class HourOfWeekCounts
{
    /// <summary>Stored packed (<see cref="PackedDoublesJsonConverter"/>): every update reads and writes the week.</summary>
    [JsonConverter(typeof(PackedDoublesJsonConverter))]
    public double[] Weights { get; init; } = new double[WeekHours.Count];

    /// <summary>How many occurrences (<see cref="EvidenceOccurrences"/>) the weights hold: a user's evidence count.</summary>
    public long Events { get; init; }

    /// <summary>
    /// In a user's counts: the batch that last added evidence, so a retry of that batch (which finds its events
    /// already counted) announces the change the batch made. Unused in the population's and cohorts' counts.
    /// </summary>
    public Guid? LastBatch { get; init; }

    public double TotalWeight() => Weights.Sum();

    /// <summary>These counts with <paramref name="evidence"/> added, as a new instance: this one is left as it is.</summary>
    public HourOfWeekCounts Plus(IEnumerable<HourEvidence> evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var weights = (double[])Weights.Clone();
        var events = Events;
        foreach (var (hourOfWeek, weight, isOccurrence) in evidence)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(hourOfWeek);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(hourOfWeek, WeekHours.Count);
            ArgumentOutOfRangeException.ThrowIfNegative(weight);
            weights[hourOfWeek] += weight;
            events += isOccurrence ? 1 : 0;
        }

        return new HourOfWeekCounts { Weights = weights, Events = events, LastBatch = LastBatch };
    }

    /// <summary>
    /// These counts with one user's part replaced: <paramref name="before"/> taken out and <paramref name="after"/>
    /// put in (a user whose zone arrived, their hours moved to their clock; a user joining a cohort, from nothing). A
    /// part that was never added (its write failed) cannot take a count below zero.
    /// </summary>
    public HourOfWeekCounts Replaced(HourOfWeekCounts? before, HourOfWeekCounts? after)
    {
        var weights = (double[])Weights.Clone();
        for (var hour = 0; hour < weights.Length; hour++)
        {
            weights[hour] = Math.Max(0, weights[hour] - (before?.Weights[hour] ?? 0) + (after?.Weights[hour] ?? 0));
        }

        return new HourOfWeekCounts { Weights = weights, Events = Math.Max(0, Events - (before?.Events ?? 0) + (after?.Events ?? 0)), LastBatch = LastBatch };
    }

    /// <summary>These counts, marked as last added to by <paramref name="batchId"/>.</summary>
    public HourOfWeekCounts AddedBy(Guid batchId) => new() { Weights = Weights, Events = Events, LastBatch = batchId };

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
