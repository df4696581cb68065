using Tailor.Contracts;
using Tailor.Ingestion.Accepting;
using Tailor.Ingestion.Contacts;
using Tailor.Ingestion.Engagements;
using Tailor.Ingestion.Identities;
using Tailor.Ingestion.Reports;
using Tailor.Ingestion.Webhooks;
using Tailor.Profiles;
using Tailor.Storage;

namespace Tailor.Ingestion.Users;

/// <summary>
/// Erases a user from what Ingestion holds (event log and its publish markers, contact record, anonymous ids, email ledger, its campaign counts and any engagement still held for those emails,
/// the ledger their orders were attributed against and, with their events, the order lines attributed to campaigns), from the profile
/// cache, and then asks every other service to do the same with a <c>UserErased</c>. Every step is a delete, so an
/// erasure interrupted half way is finished by sending it again.
/// </summary>
internal sealed class UserErasure(
    IDocumentStore documents,
    IProfileCache profiles,
    ContactBook contacts,
    AnonymousIdentities identities,
    AcceptedMessageLog log,
    CampaignEmailFacts campaignFacts,
    EarlyEngagements earlyEngagements,
    ConversionLedgers conversionLedgers,
    TimeProvider time)
{
    public async Task<UserErased> EraseAsync(string userId, CancellationToken cancellationToken)
    {
        // The ledger goes before the events: a purchase attributed while the erasure runs then finds no email to count
        // for and appends no line to a campaign's stream, where it would outlive the deletion of the user's events.
        await conversionLedgers.ForgetAsync(userId, cancellationToken);
        await log.ForgetAsync(userId, cancellationToken);
        await contacts.ForgetAsync(userId, cancellationToken);
        await identities.ForgetAsync(userId, cancellationToken);
        await ForgetEmailsAsync(userId, cancellationToken);
        await profiles.RemoveAsync(userId, cancellationToken);

        // Again, last: a user's first order starts their ledger, so a purchase attributed while the erasure ran may have
        // started a new one after the first delete.
        await conversionLedgers.ForgetAsync(userId, cancellationToken);

        // A new id per request: erasing is idempotent in every service, and a user who comes back and is erased again
        // must be erased again. The log keeps the request without naming the user in its index (see PendingMessage).
        var erased = new UserErased(Guid.NewGuid(), userId, time.GetUtcNow());
        await log.AcceptAsync([PendingMessage.Of(erased)], cancellationToken);
        return erased;
    }

    private async Task ForgetEmailsAsync(string userId, CancellationToken cancellationToken)
    {
        var theirs = new List<(string Id, SentEmail Email)>();
        await foreach (var (emailId, email) in documents.ListAsync<SentEmail>(EmailsWrittenConsumer.Collection, cancellationToken))
        {
            if (email.UserId == userId)
            {
                theirs.Add((emailId, email));
            }
        }

        // The campaign counts and held engagements go before the email: an erasure interrupted after them finds the email
        // and forgets again.
        await earlyEngagements.ForgetAsync([.. theirs.Select(email => email.Email.EmailId)], cancellationToken);
        foreach (var (emailId, email) in theirs)
        {
            await campaignFacts.ForgetAsync(email, cancellationToken);
            await documents.DeleteAsync(EmailsWrittenConsumer.Collection, emailId, cancellationToken);
            await documents.DeleteAsync(Links.SubscriptionChanges.Collection, emailId, cancellationToken);
        }
    }
}
