using Tailor.Contracts;
using Tailor.Ingestion.Contacts;
using Tailor.Ingestion.Mapping;
using Tailor.Ingestion.Requests;

namespace Tailor.Ingestion.Accepting;

/// <summary>Validated Segment calls in: messages stored and published in call order, then contact details and consent updated.</summary>
internal sealed class SegmentIngestor(AcceptedMessageLog log, ContactBook contacts, TimeProvider time)
{
    public async Task IngestAsync(IReadOnlyList<SegmentCall> calls, CancellationToken cancellationToken)
    {
        var receivedAt = time.GetUtcNow();
        var messages = new List<PendingMessage>(calls.Count);
        var identified = new List<UserIdentified>();
        foreach (var call in calls)
        {
            switch (call)
            {
                case TrackCall track:
                    messages.AddRange(TrackMapper.Map(track, receivedAt).Select(PendingMessage.Of));
                    break;
                case IdentifyCall identify:
                    var user = IdentifyMapper.Map(identify, receivedAt);
                    identified.Add(user);
                    messages.Add(PendingMessage.Of(user));
                    break;
                default:
                    throw new ArgumentException($"Unknown Segment call {call.GetType().Name}.", nameof(calls));
            }
        }

        await log.AcceptAsync(messages, cancellationToken);

        // Applied for duplicates too: a retry must repair contact state whose first write failed (the merge is idempotent).
        foreach (var user in identified)
        {
            await contacts.ApplyAsync(user, cancellationToken);
        }
    }
}
