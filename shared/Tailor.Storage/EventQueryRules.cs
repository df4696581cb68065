namespace Tailor.Storage;

/// <summary>Checks every adapter applies the same way, so a query means the same on SQLite and MongoDB.</summary>
internal static class EventQueryRules
{
    public static void Validate(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(query.Stream, nameof(query));

        // MongoDB reads a limit of 0 as "no limit"; refusing it keeps both adapters from disagreeing silently.
        if (query.Limit is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Limit, "EventQuery.Limit must be at least 1 when set.");
        }
    }

    public static void Validate(StoredEvent storedEvent)
    {
        ArgumentNullException.ThrowIfNull(storedEvent);
        ArgumentException.ThrowIfNullOrWhiteSpace(storedEvent.Stream, nameof(storedEvent));
        ArgumentException.ThrowIfNullOrWhiteSpace(storedEvent.Type, nameof(storedEvent));
        ArgumentNullException.ThrowIfNull(storedEvent.Payload, nameof(storedEvent));
    }
}
