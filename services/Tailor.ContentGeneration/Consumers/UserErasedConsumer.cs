using MassTransit;
using Tailor.ContentGeneration.Frequency;
using Tailor.ContentGeneration.Subjects;
using Tailor.Contracts;
using Tailor.Storage;

namespace Tailor.ContentGeneration.Consumers;

/// <summary>
/// Forgets a user: their send ledger, their emails' subject records (found by the email id each campaign gave them),
/// and every event this service recorded about them (personalisation commands and email feedback). Every step is a
/// delete, so a redelivery, or two replicas taking copies of one erasure, changes nothing more.
/// </summary>
/// <remarks>Not recorded in the stream on purpose: the record would keep the id of the user we were asked to forget.</remarks>
public sealed class UserErasedConsumer(IEventStore events, IDocumentStore documents, FrequencyGuard frequency, SubjectBandit subjects)
    : IConsumer<UserErased>
{
    public async Task Consume(ConsumeContext<UserErased> context)
    {
        var erased = context.Message;
        await frequency.ForgetAsync(erased.UserId, context.CancellationToken);

        // The email id derives from campaign and user, so every campaign names the one email the user may have had.
        var campaignIds = await documents.ListAsync(ContentGenerationNames.CampaignsCollection, context.CancellationToken)
            .Select(campaign => campaign.Key)
            .ToListAsync(context.CancellationToken);
        foreach (var campaignId in campaignIds)
        {
            await subjects.ForgetEmailAsync(MessageIds.Email(campaignId, erased.UserId), context.CancellationToken);
        }

        // After the ledger and the emails: until here the records still make a redelivered command or engagement a
        // duplicate. Every stream of the store: the service's own when distributed; in the embedded mode's one shared
        // store, the other services' too, which are erasing the same user.
        await events.DeleteUserAsync(erased.UserId, context.CancellationToken);
    }
}
