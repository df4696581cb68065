using System.Text.Json;
using MassTransit;
using Tailor.Contracts;
using Tailor.Ingestion.Engagements;
using Tailor.Ingestion.Reports;
using Tailor.Messaging;
using Tailor.Storage;

namespace Tailor.Ingestion.Webhooks;

/// <summary>Remembers every email Tailor produced, by email id, for correlating the provider's webhooks back to it.</summary>
/// <remarks>
/// Each email is also counted as sent in its campaign's report (<see cref="CampaignEmailFacts"/>). ContentGeneration
/// records a page of a campaign's emails in one message, so the page's emails are stored in one write, then counted.
/// Engagements that arrived before their email was stored (a sender faster than this queue) are released then
/// (<see cref="EarlyEngagements"/>), read for the whole page in one query.
/// </remarks>
internal sealed class EmailsWrittenConsumer(IDocumentStore documents, CampaignEmailFacts facts, EarlyEngagements engagements) : IConsumer<EmailsWritten>
{
    public const string Collection = "ingestion.emails";

    public async Task Consume(ConsumeContext<EmailsWritten> context)
    {
        var page = context.Message;
        if (string.IsNullOrWhiteSpace(page.CampaignId) || page.Emails is null)
        {
            throw new InvalidMessageException($"{nameof(EmailsWritten)} {page.EventId} has no CampaignId or no Emails.");
        }

        var rejected = new List<(Guid EventId, string Problem)>();
        var sent = new List<SentEmail>(page.Emails.Count);
        foreach (var email in page.Emails)
        {
            if (email is null)
            {
                rejected.Add((page.EventId, "an email is null"));
                continue;
            }

            if (InvalidMessageException.BlankProblem(email.UserId) is { } problem)
            {
                rejected.Add((email.EventId, problem));
                continue;
            }

            sent.Add(new SentEmail(email.EmailId, email.UserId, page.CampaignId, email.ItemIds ?? [], email.SubjectVariant, email.Arm, email.OccurredAt));
        }

        // Puts keyed by email id: a redelivery writes the same documents again, one effect. The emails are stored before
        // they are counted, so no engagement can find a counted email that is not stored.
        var distinct = sent.DistinctBy(email => email.EmailId).ToList();
        await documents.UpsertManyAsync(
            Collection, [.. distinct.Select(email => KeyValuePair.Create(email.EmailId.ToString("D"), JsonSerializer.Serialize(email, StoreJson.Options)))], context.CancellationToken);
        await facts.RecordManyAsync(distinct, CampaignOutcome.Sent, context.CancellationToken);

        // After the store: an engagement held from now on finds its email when it looks again, and accepts itself.
        await engagements.ReleaseAsync(distinct, context.CancellationToken);
        InvalidMessageException.ThrowIfAny(nameof(EmailsWritten), rejected);
    }
}
