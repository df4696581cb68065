using System.Text.Json;
using MassTransit;
using Tailor.Contracts;
using Tailor.Ingestion.Reports;
using Tailor.Messaging;
using Tailor.Storage;

namespace Tailor.Ingestion.Webhooks;

/// <summary>Remembers every email Tailor produced, by email id, for correlating the provider's webhooks back to it.</summary>
/// <remarks>
/// Each email is also counted as sent in its campaign's report (<see cref="CampaignEmailFacts"/>). A campaign sends its
/// emails in bursts, so they are taken a batch at a time: the batch's emails are stored in one write, then counted.
/// </remarks>
internal sealed class EmailReadyConsumer(IDocumentStore documents, CampaignEmailFacts facts) : IConsumer<Batch<EmailReady>>
{
    public const string Collection = "ingestion.emails";

    public async Task Consume(ConsumeContext<Batch<EmailReady>> context)
    {
        var cancellationToken = context.CancellationToken;
        var rejected = new List<(Guid EventId, string Problem)>();
        var sent = new List<SentEmail>(context.Message.Length);
        foreach (var email in context.Message.Select(entry => entry.Message))
        {
            if (string.IsNullOrWhiteSpace(email.UserId) || string.IsNullOrWhiteSpace(email.CampaignId))
            {
                rejected.Add((email.EventId, "no UserId or no CampaignId"));
                continue;
            }

            sent.Add(new SentEmail(email.EmailId, email.UserId, email.CampaignId, email.ItemIds ?? [], email.SubjectVariant, email.Arm));
        }

        // Puts keyed by email id: a redelivery writes the same documents again, one effect. The emails are stored before
        // they are counted, so no engagement can find a counted email that is not stored.
        var distinct = sent.DistinctBy(email => email.EmailId).ToList();
        await documents.UpsertManyAsync(
            Collection, [.. distinct.Select(email => KeyValuePair.Create(email.EmailId.ToString("D"), JsonSerializer.Serialize(email, StoreJson.Options)))], cancellationToken);
        await facts.RecordManyAsync(distinct, CampaignOutcome.Sent, cancellationToken);
        InvalidMessageException.ThrowIfAny(nameof(EmailReady), rejected);
    }
}
