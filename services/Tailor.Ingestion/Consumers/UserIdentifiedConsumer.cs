using MassTransit;
using Tailor.Contracts;
using Tailor.Ingestion.Accepting;
using Tailor.Ingestion.Contacts;
using Tailor.Storage;

namespace Tailor.Ingestion.Consumers;

/// <summary>
/// Contact details and consent published straight onto the bus (a .NET team using the Tailor.Contracts package) reach
/// the contact book just like an HTTP identify. For an identify that came over HTTP this finds the event already
/// logged and the merge already made: one effect.
/// </summary>
internal sealed class UserIdentifiedConsumer(IEventStore events, ContactBook contacts) : IConsumer<UserIdentified>
{
    public async Task Consume(ConsumeContext<UserIdentified> context)
    {
        var identified = context.Message;
        await events.RecordAsync(IngestionStorage.EventStream, identified, context.CancellationToken);

        // Applied even when already recorded: the merge is idempotent and repairs a write that failed after the record.
        await contacts.ApplyAsync(identified, context.CancellationToken);
    }
}
