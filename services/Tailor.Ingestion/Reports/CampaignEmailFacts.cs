using Tailor.Contracts;
using Tailor.Ingestion.Accepting;
using Tailor.Ingestion.Webhooks;
using Tailor.Storage;

namespace Tailor.Ingestion.Reports;

/// <summary>
/// What each email of a campaign came to, as one document per email and outcome in the campaign's own collection
/// (<c>ingestion.campaign-emails:{campaignId}</c>): a campaign's report reads its emails only, never the event log.
/// </summary>
/// <remarks>
/// A fact is an insert under an id made of the email and the outcome, never a counter that is read and increased: a
/// redelivered <c>EmailsWritten</c>, a retried webhook, a second open of the same email or two replicas at once all try to
/// insert the same document and one of them does, so nothing counts twice and nothing is lost. The metric is counted by
/// the one insert that succeeded, so it agrees with the report.
/// </remarks>
internal sealed class CampaignEmailFacts(IDocumentStore documents, IngestionMetrics metrics)
{
    private const string CollectionPrefix = "ingestion.campaign-emails:";

    public static string Collection(string campaignId) => CollectionPrefix + campaignId;

    public Task RecordAsync(SentEmail email, CampaignOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        return RecordManyAsync([email], outcome, cancellationToken);
    }

    /// <summary>
    /// <see cref="RecordAsync(SentEmail, CampaignOutcome, CancellationToken)"/> for a batch of emails: one insert-once
    /// bulk write per campaign, each fact counted in the metric only by the write that stored it.
    /// </summary>
    public async Task RecordManyAsync(IReadOnlyCollection<SentEmail> emails, CampaignOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(emails);
        foreach (var campaign in emails.GroupBy(email => email.CampaignId, StringComparer.Ordinal))
        {
            var batch = campaign.ToList();
            var stored = await documents.TryAddManyAsync(
                Collection(campaign.Key),
                [.. batch.Select(email => KeyValuePair.Create(Id(email.EmailId, outcome), new CampaignEmailFact(email.EmailId, outcome, email.CountedArm, email.SubjectVariant)))],
                cancellationToken);
            foreach (var (email, _) in batch.Zip(stored).Where(pair => pair.Second))
            {
                metrics.CampaignEmail(CampaignOutcomes.Name(outcome), email.CampaignId, email.CountedArm, email.SubjectVariant);
            }
        }
    }

    /// <summary>Records what an engagement shows about its email; a resubscribe shows nothing the report counts.</summary>
    public async Task RecordAsync(SentEmail email, EmailEngaged engaged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engaged);
        foreach (var outcome in CampaignOutcomes.Of(engaged.Kind, engaged.IsMachineOpen))
        {
            await RecordAsync(email, outcome, cancellationToken);
        }
    }

    public async IAsyncEnumerable<CampaignEmailFact> ListAsync(
        string campaignId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var (_, fact) in documents.ListAsync<CampaignEmailFact>(Collection(campaignId), cancellationToken))
        {
            yield return fact;
        }
    }

    /// <summary>Removes what an erased user's email came to: the email id is derived from the user id, so it goes too.</summary>
    public async Task ForgetAsync(SentEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        foreach (var outcome in Enum.GetValues<CampaignOutcome>())
        {
            await documents.DeleteAsync(Collection(email.CampaignId), Id(email.EmailId, outcome), cancellationToken);
        }
    }

    private static string Id(Guid emailId, CampaignOutcome outcome) => $"{emailId:N}.{CampaignOutcomes.Name(outcome)}";
}
