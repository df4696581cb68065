namespace Tailor.Contracts;

/// <summary>
/// A ready-to-send email for senders. Its JSON shape is public API (non-.NET senders read it from RabbitMQ):
/// fields are only ever added.
/// </summary>
/// <param name="EmailId">Stable id of this email; engagement webhooks refer back to it.</param>
/// <param name="Headers">Extra headers to send as they are, such as <c>List-Unsubscribe</c>.</param>
/// <param name="Generator">How the copy was written, <c>template-composer/1</c>, <c>language-model/1</c> or <c>control-bestsellers/1</c>.</param>
/// <param name="ItemIds">The recommended catalog items the email shows, in order.</param>
/// <param name="From">The From header, for example <c>Tailor Shop &lt;shop@example.com&gt;</c>.</param>
/// <param name="ReplyTo">The Reply-To address, when replies go somewhere other than From.</param>
/// <param name="MessageId">The RFC 5322 Message-ID to send under, for example <c>&lt;{EmailId}@example.com&gt;</c>.</param>
/// <param name="CustomArgs">
/// Values to hand the email provider as its custom arguments (SendGrid <c>custom_args</c>, Mailgun <c>v:</c> variables,
/// SES message tags, Postmark metadata), which it echoes in every webhook: <c>tailor_email_id</c>, <c>tailor_user_id</c>,
/// <c>tailor_campaign_id</c>, <c>tailor_arm</c> and, when the subject was one of several, <c>tailor_variant</c>.
/// </param>
/// <param name="SubjectVariant">Which of the campaign's subject variants this email carries, when it has several.</param>
/// <param name="ModelVersion">The language model that wrote the copy (provider and model id); null for the template composer.</param>
/// <param name="Arm">
/// Which arm of the campaign's control test the reader is in (<see cref="CampaignArms"/>): <c>personalised</c>, or
/// <c>control</c> for the non-personalised email; null from senders before control groups (personalised).
/// </param>
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
    IReadOnlyList<string> ItemIds,
    string? From = null,
    string? ReplyTo = null,
    string? MessageId = null,
    IReadOnlyDictionary<string, string>? CustomArgs = null,
    string? SubjectVariant = null,
    string? ModelVersion = null,
    string? Arm = null) : IUserEvent;
