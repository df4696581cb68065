using MassTransit;
using Tailor.Contracts;
using Tailor.Profiles;
using Tailor.Storage;

namespace Tailor.Training.Consumers;

/// <summary>
/// Forgets a user in a model-owning service: their events in this service's store (so the next training cannot learn
/// from them) and their per-user outputs. Erasing twice is harmless, so a redelivery needs no bookkeeping.
/// </summary>
/// <remarks>Not recorded in the stream on purpose: the record would keep the id of the user we were asked to forget.</remarks>
public sealed class UserErasedConsumer<TTrainer>(IEventStore events, IDocumentStore documents, IProfileCache profiles) : IConsumer<UserErased>
    where TTrainer : IModelTrainer
{
    public async Task Consume(ConsumeContext<UserErased> context)
    {
        var erased = context.Message;
        // Each service erases its own store: in distributed mode no other service can reach it.
        await events.DeleteUserAsync(erased.UserId, context.CancellationToken);
        await documents.DeleteAsync(TTrainer.UserOutputsCollection, erased.UserId, context.CancellationToken);
        foreach (var collection in TTrainer.OtherUserCollections)
        {
            await documents.DeleteAsync(collection, erased.UserId, context.CancellationToken);
        }

        // Last: a slice written since Ingestion removed the profile (a rebuild that read the outputs before they were
        // deleted) does not outlive the erasure.
        await profiles.RemoveSliceAsync(erased.UserId, TTrainer.UserOutputsSlice, context.CancellationToken);
    }
}
