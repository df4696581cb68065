namespace Tailor.SampleSender.Delivery;

/// <summary>What the sender records in its stream once the SMTP server accepted an email: the proof it was sent.</summary>
/// <param name="SmtpReply">The server's reply to the message data, usually with its queue id.</param>
public sealed record EmailSent(Guid EmailId, string UserId, string CampaignId, string MessageId, DateTimeOffset SentAt, string SmtpReply);
