namespace Tailor.Contracts;

/// <summary>
/// A ready-to-send email for senders. Its JSON shape is public API (non-.NET senders read it from RabbitMQ):
/// fields are only ever added.
/// </summary>
/// <param name="EmailId">Stable id of this email; engagement webhooks refer back to it.</param>
/// <param name="Headers">Extra headers to send as they are, such as <c>List-Unsubscribe</c>.</param>
/// <param name="Generator">How the copy was written, for example <c>template:v1</c>.</param>
/// <param name="ItemIds">The recommended catalog items the email shows, in order.</param>
public record EmailReady(
    Guid EventId,
    string UserId,
    DateTimeOffset OccurredAt,
    Guid EmailId,
    string CampaignId,
    string To,
    string Subject,
    string Preheader,
    string HtmlBody,
    string TextBody,
    IReadOnlyDictionary<string, string> Headers,
    DateTimeOffset SendAt,
    string Generator,
    IReadOnlyList<string> ItemIds);
