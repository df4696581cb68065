using Microsoft.Extensions.Logging;
using Tailor.Contracts;
using Tailor.Embedding.Vectors;

namespace Tailor.Embedding.Interests;

/// <summary>
/// Turns activities into interest evidence: a purchased or viewed item's stored vector, or the vector of its name when
/// the catalog has not been embedded yet; the vector of a text the user wrote. All stored vectors of a batch are looked
/// up at once, and all its texts are embedded at once.
/// </summary>
public sealed class ActivityEvidenceResolver(ItemVectorStore items, TextVectors texts, ILogger<ActivityEvidenceResolver> logger)
{
    public async Task<IReadOnlyList<ResolvedActivity>> ResolveAsync(
        IReadOnlyList<UserActivityTracked> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var resolved = new ResolvedActivity[activities.Count];
        var stored = await items.FindManyAsync(
            activities.Where(activity => activity.Activity is ActivityKinds.Purchase or ActivityKinds.View && !string.IsNullOrWhiteSpace(activity.ItemId)).Select(activity => activity.ItemId!),
            cancellationToken);
        var toEmbed = new List<(int Index, string Text, double Weight)>();
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            switch (activity.Activity)
            {
                case ActivityKinds.Purchase or ActivityKinds.View:
                    // A negative quantity is a return or a cancellation: not a sign of interest.
                    if (activity.Quantity < 0)
                    {
                        resolved[i] = new ResolvedActivity(activity, null, null);
                        break;
                    }

                    var weight = activity.Activity == ActivityKinds.Purchase ? EvidenceWeights.Purchase : EvidenceWeights.View;
                    if (!string.IsNullOrWhiteSpace(activity.ItemId) && stored.TryGetValue(activity.ItemId, out var item))
                    {
                        resolved[i] = new ResolvedActivity(activity, new InterestEvidence(activity.OccurredAt, item.Vector, weight, activity.EventId), null);
                    }
                    else if (!string.IsNullOrWhiteSpace(activity.ItemName))
                    {
                        toEmbed.Add((i, activity.ItemName, weight));
                    }
                    else
                    {
                        // Not bad input, only early: the item's catalog entry has not been embedded yet and the platform
                        // sent no name. Recorded without evidence rather than faulting the whole batch.
                        Log.ItemNotYetEmbedded(logger, activity.EventId, activity.ItemId);
                        resolved[i] = new ResolvedActivity(activity, null, null);
                    }

                    break;

                case ActivityKinds.Text:
                    if (string.IsNullOrWhiteSpace(activity.Text))
                    {
                        resolved[i] = new ResolvedActivity(activity, null, "a text activity has no Text");
                    }
                    else
                    {
                        toEmbed.Add((i, activity.Text, EvidenceWeights.Text));
                    }

                    break;

                default:
                    resolved[i] = new ResolvedActivity(activity, null, null);
                    break;
            }
        }

        var vectors = await texts.EmbedAsync(toEmbed.ConvertAll(entry => entry.Text), cancellationToken);
        for (var j = 0; j < toEmbed.Count; j++)
        {
            var (index, text, weight) = toEmbed[j];
            var activity = activities[index];
            // What the user wrote is theirs, unlike a product's name: the state keeps its cache key for an erasure.
            var textKey = activity.Activity == ActivityKinds.Text ? TextVectors.KeyOf(text) : null;
            resolved[index] = new ResolvedActivity(activity, new InterestEvidence(activity.OccurredAt, vectors[j], weight, activity.EventId, textKey), null);
        }

        return resolved;
    }
}
