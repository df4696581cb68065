using MassTransit;
using Tailor.Contracts;
using Tailor.Ingestion.Accepting;
using Tailor.Ingestion.Contacts;
using Tailor.Storage;

namespace Tailor.Ingestion.Consumers;

/// <summary>
/// Group memberships published straight onto the bus reach the contact book just like an HTTP group call; for one that
/// came over HTTP this finds the event already logged and the membership already kept: one effect.
/// </summary>
internal sealed class UserGroupedConsumer(IEventStore events, ContactBook contacts) : IConsumer<UserGrouped>
{
    public async Task Consume(ConsumeContext<UserGrouped> context)
    {
        var grouped = context.Message;
        await events.RecordAsync(IngestionStorage.EventStream, grouped, context.CancellationToken);

        // Applied even when already recorded: the merge is idempotent and repairs a write that failed after the record.
        await contacts.ApplyAsync(grouped, context.CancellationToken);
    }
}
