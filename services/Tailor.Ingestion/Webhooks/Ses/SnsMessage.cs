using System.Text;
using System.Text.Json;

namespace Tailor.Ingestion.Webhooks.Ses;

/// <summary>An Amazon SNS HTTP(S) message: the envelope SES events arrive in, and what its signature covers.</summary>
internal sealed record SnsMessage(
    string Type,
    string MessageId,
    string TopicArn,
    string Message,
    string Timestamp,
    string? Subject,
    string? SubscribeUrl,
    string? Token,
    string SignatureVersion,
    string Signature)
{
    public const string Notification = "Notification";
    public const string SubscriptionConfirmation = "SubscriptionConfirmation";

    /// <summary>The envelope, or null when a field the signature needs is missing.</summary>
    public static SnsMessage? From(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? Field(string name) =>
            payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        var (type, id, topic, message, timestamp) = (Field("Type"), Field("MessageId"), Field("TopicArn"), Field("Message"), Field("Timestamp"));
        var (version, signature) = (Field("SignatureVersion"), Field("Signature"));
        return type is null || id is null || topic is null || message is null || timestamp is null || version is null || signature is null
            ? null
            : new SnsMessage(type, id, topic, message, timestamp, Field("Subject"), Field("SubscribeURL"), Field("Token"), version, signature);
    }

    /// <summary>The canonical text SNS signs: chosen fields as "name\nvalue\n" in this order, per message type.</summary>
    public string StringToSign()
    {
        var text = new StringBuilder();
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                text.Append(name).Append('\n').Append(value).Append('\n');
            }
        }

        Add("Message", Message);
        Add("MessageId", MessageId);
        if (Type == Notification)
        {
            Add("Subject", Subject);
            Add("Timestamp", Timestamp);
        }
        else
        {
            Add("SubscribeURL", SubscribeUrl);
            Add("Timestamp", Timestamp);
            Add("Token", Token);
        }

        Add("TopicArn", TopicArn);
        Add("Type", Type);
        return text.ToString();
    }
}
