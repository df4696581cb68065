using Tailor.Storage;

namespace Tailor.Ingestion.Webhooks;

/// <summary>Looks up what Ingestion remembers of an email by its id: the one lookup webhooks, links and consumers share.</summary>
internal static class SentEmails
{
    /// <returns>Null for an email Tailor did not write, or whose user was erased.</returns>
    public static Task<SentEmail?> FindSentEmailAsync(this IDocumentStore documents, Guid emailId, CancellationToken cancellationToken) =>
        documents.FindAsync<SentEmail>(EmailsWrittenConsumer.Collection, emailId.ToString("D"), cancellationToken);

    /// <returns>The emails of <paramref name="emailIds"/> that are stored, read in one query.</returns>
    public static async Task<IReadOnlyDictionary<Guid, SentEmail>> FindSentEmailsAsync(
        this IDocumentStore documents, IReadOnlyCollection<Guid> emailIds, CancellationToken cancellationToken)
    {
        var found = await documents.FindManyVersionedAsync<SentEmail>(
            EmailsWrittenConsumer.Collection, [.. emailIds.Distinct().Select(emailId => emailId.ToString("D"))], cancellationToken);
        return found.Values.ToDictionary(email => email.Document.EmailId, email => email.Document);
    }
}
