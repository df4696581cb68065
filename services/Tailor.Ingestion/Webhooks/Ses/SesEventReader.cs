using System.Text.Json;
using Tailor.Contracts;
using Tailor.Ingestion.Validation;
using Tailor.Messaging.Rules;

namespace Tailor.Ingestion.Webhooks.Ses;

/// <summary>Reads the SES event inside an SNS notification (event publishing's <c>eventType</c> or notifications' <c>notificationType</c>).</summary>
internal static class SesEventReader
{
    private const string MessagePath = "Message";

    // What SES publishes once, as plain text, when an SNS event destination is added to a configuration set.
    private const string SetupNotification = "Successfully validated SNS topic for Amazon SES event publishing.";

    public static void Read(string eventKey, string message, MachineOpens machines, EventTimeRange times, WebhookBatch batch)
    {
        if (string.Equals(message.Trim(), SetupNotification, StringComparison.Ordinal))
        {
            // Acknowledged so SNS stops retrying it; there is nothing to record.
            batch.Skipped.Add(new SkippedEvent(0, "SES's notice that event publishing to this topic is set up; nothing to record."));
            return;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message);
        }
        catch (JsonException)
        {
            batch.Errors.Add(MessagePath, "Must be the JSON text of an SES event.");
            return;
        }

        using (document)
        {
            // The event is a JSON text inside the notification, held to the same rules as a request body.
            if (Http.JsonText.FindFault(document.RootElement) is { } fault)
            {
                batch.Errors.Add(MessagePath, fault.Kind == Http.JsonTextFaultKind.DuplicateKey
                    ? $"Holds the key {fault.Path} more than once."
                    : $"Holds text at {fault.Path} that is not valid Unicode.");
                return;
            }

            if (ObjectReader.Of(document.RootElement, MessagePath, batch.Errors) is { } sesEvent)
            {
                ReadEvent(eventKey, sesEvent, machines, times, batch);
            }
        }
    }

    private static void ReadEvent(string eventKey, ObjectReader sesEvent, MachineOpens machines, EventTimeRange times, WebhookBatch batch)
    {
        var type = sesEvent.String("eventType", FieldLimits.Name) ?? sesEvent.String("notificationType", FieldLimits.Name);
        var mail = sesEvent.Object("mail", required: true);
        if (string.IsNullOrWhiteSpace(type))
        {
            // Blank counts as missing: the detail object is named after the type, so an empty one names nothing.
            type = null;
            sesEvent.Error("eventType", "Is required (or notificationType).");
        }

        if (type is null || mail is null)
        {
            return;
        }

        var detail = sesEvent.Object(char.ToLowerInvariant(type[0]) + type[1..]);
        var (reported, source) = Kind(type, detail);
        if (reported is not { } kind)
        {
            batch.Skipped.Add(new SkippedEvent(0, type == "Subscription"
                ? "A subscription change that neither opts out nor lifts an earlier opt-out changes nothing for Tailor."
                : $"'{type}' is not an engagement Tailor learns from."));
            return;
        }

        var url = detail?.String("link", FieldLimits.Text);
        var occurredAt = OccurredAt(detail, mail, times, ConsentChanges.SaysStop(kind));
        if (occurredAt is null)
        {
            return;
        }

        var emailId = EmailId(mail) ?? TailorEmailIds.FromLink(url).EmailId;
        var machineOpen = kind == EngagementKind.Open && machines.IsMachine(detail?.String("userAgent", FieldLimits.Text));
        batch.Events.Add(new ProviderEvent(eventKey, emailId, kind, occurredAt.Value, url, machineOpen, source));
    }

    // The event's own time (open.timestamp), else the time its email was sent (mail.timestamp), held to the range; a stop
    // is never refused for its time (EventTimeRange.ForStop).
    private static DateTimeOffset? OccurredAt(ObjectReader? detail, ObjectReader mail, EventTimeRange times, bool saysStop)
    {
        const string field = "timestamp";
        if (saysStop)
        {
            return times.ForStop(detail?.ReadableTimestamp(field) ?? mail.ReadableTimestamp(field));
        }

        return detail?.Timestamp(field) is { } happened
            ? times.Check(detail, field, happened)
            : times.Check(mail, field, mail.Timestamp(field, required: true));
    }

    // A permanent bounce is hard; transient and undetermined ones may pass later. Send, Reject and DeliveryDelay say nothing about the reader.
    private static (EngagementKind? Kind, string? Source) Kind(string type, ObjectReader? detail) => type switch
    {
        "Delivery" => (EngagementKind.Delivered, null),
        "Open" => (EngagementKind.Open, null),
        "Click" => (EngagementKind.Click, null),
        "Bounce" => Bounce(detail),
        "Complaint" => (EngagementKind.Complaint, EventSources.Of("ses", "complaint", detail?.String("complaintFeedbackType", FieldLimits.Name))),
        "Subscription" => SesSubscriptionChange.Read(detail),
        _ => (null, null),
    };

    private static (EngagementKind? Kind, string? Source) Bounce(ObjectReader? detail)
    {
        var bounceType = detail?.String("bounceType", FieldLimits.Name);
        var source = EventSources.Of("ses", "bounce", bounceType, detail?.String("bounceSubType", FieldLimits.Name));
        return (bounceType == "Permanent" ? EngagementKind.HardBounce : EngagementKind.SoftBounce, source);
    }

    // Senders tag the message (tags: {"tailor_email_id": ["…"]}) or set the X-Tailor-Email-Id header.
    private static Guid? EmailId(ObjectReader mail)
    {
        if (mail.Object("tags")?.Array(TailorEmailIds.CustomArgument) is { } tag && tag.GetArrayLength() > 0 && tag[0].ValueKind == JsonValueKind.String)
        {
            return TailorEmailIds.Parse(tag[0].GetString());
        }

        if (mail.Array("headers") is not { } headers)
        {
            return null;
        }

        foreach (var header in headers.EnumerateArray())
        {
            if (header.ValueKind == JsonValueKind.Object &&
                header.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String &&
                string.Equals(name.GetString(), TailorEmailIds.Header, StringComparison.OrdinalIgnoreCase) &&
                header.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String)
            {
                return TailorEmailIds.Parse(value.GetString());
            }
        }

        return null;
    }
}
