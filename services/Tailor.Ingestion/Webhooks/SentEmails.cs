using Tailor.Storage;

namespace Tailor.Ingestion.Webhooks;

/// <summary>Looks up what Ingestion remembers of an email by its id: the one lookup webhooks, links and consumers share.</summary>
internal static class SentEmails
{
    /// <returns>Null for an email Tailor did not write, or whose user was erased.</returns>
    public static Task<SentEmail?> FindSentEmailAsync(this IDocumentStore documents, Guid emailId, CancellationToken cancellationToken) =>
        documents.FindAsync<SentEmail>(EmailsWrittenConsumer.Collection, emailId.ToString("D"), cancellationToken);
}
