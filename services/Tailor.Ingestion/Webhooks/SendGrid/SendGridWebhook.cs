using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Tailor.Contracts;
using Tailor.Ingestion.Validation;
using Tailor.Messaging.Rules;

namespace Tailor.Ingestion.Webhooks.SendGrid;

/// <summary>
/// SendGrid's Event Webhook: a JSON array of events, signed with ECDSA P-256 over timestamp + body when "Signed Event
/// Webhook" is on. Tailor's email id arrives as the custom argument <c>tailor_email_id</c>, a top-level event field.
/// </summary>
internal sealed class SendGridWebhook(IOptions<WebhookOptions> options, MachineOpens machines, TimeProvider time) : IWebhookProvider
{
    public const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    public const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    private const string Dropped = "dropped";

    // A "dropped" event's reason when SendGrid did not send because of the address: it is on one of SendGrid's lists
    // (unsubscribes, bounces, spam reports, invalid addresses) and every later email to it will be dropped too, so
    // Tailor suppresses it the same way. Other reasons ("Spam Content", "Invalid SMTPAPI header", ...) are about one
    // message and suppress nothing.
    private static readonly Dictionary<string, EngagementKind> DroppedAddresses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Unsubscribed Address"] = EngagementKind.Unsubscribe,
        ["Bounced Address"] = EngagementKind.HardBounce,
        ["Invalid"] = EngagementKind.HardBounce,
        ["Spam Reporting Address"] = EngagementKind.Complaint,
    };

    public string Name => "sendgrid";

    // The rule: verified when a public key is configured. Unsigned acceptance is logged at start.
    public bool IsConfigured => true;

    public Task<IResult?> AuthenticateAsync(HttpRequest request, ReadOnlyMemory<byte> body, JsonElement payload, CancellationToken cancellationToken)
    {
        var publicKey = options.Value.SendGridPublicKey;
        if (string.IsNullOrWhiteSpace(publicKey))
        {
            return Task.FromResult<IResult?>(null);
        }

        var signature = request.Headers[SignatureHeader].ToString();
        var timestamp = request.Headers[TimestampHeader].ToString();
        if (signature.Length == 0 || timestamp.Length == 0)
        {
            return Refuse($"Signed events carry {SignatureHeader} and {TimestampHeader}.");
        }

        if (SignedTimestamps.Check(timestamp, time, options.Value.MaxSignatureAge) is { } stale)
        {
            return Task.FromResult<IResult?>(stale);
        }

        return Verify(publicKey, timestamp, body.Span, signature) ? Task.FromResult<IResult?>(null) : Refuse("The signature does not match the body.");
    }

    public Task<IResult?> HandleControlMessageAsync(JsonElement payload, CancellationToken cancellationToken) => Task.FromResult<IResult?>(null);

    public Task AcceptedAsync(JsonElement payload, CancellationToken cancellationToken) => Task.CompletedTask;

    public WebhookBatch Read(JsonElement payload, EventTimeRange times)
    {
        var batch = new WebhookBatch();
        if (payload.ValueKind != JsonValueKind.Array)
        {
            batch.Errors.Add(JsonPaths.Root, "Must be a JSON array of events.");
            return batch;
        }

        var index = 0;
        foreach (var item in payload.EnumerateArray())
        {
            var path = JsonPaths.Item(JsonPaths.Root, index);
            if (ObjectReader.Of(item, path, batch.Errors) is { } sendGridEvent)
            {
                ReadEvent(sendGridEvent, index, times, batch);
            }

            index++;
        }

        return batch;
    }

    private void ReadEvent(ObjectReader item, int index, EventTimeRange times, WebhookBatch batch)
    {
        var eventId = item.String("sg_event_id", FieldLimits.Id, required: true);
        var eventName = item.String("event", FieldLimits.Name, required: true);
        // TryGetInt64 throws on anything but a number, so the kind is checked first: a string here is a 400, not a 500.
        var seconds = item.Element.TryGetProperty("timestamp", out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : (long?)null;
        var (reported, source) = eventName is null ? (null, null) : Kind(eventName, item);
        DateTimeOffset? occurredAt;
        if (reported is { } stop && ConsentChanges.SaysStop(stop))
        {
            occurredAt = times.ForStopUnixSeconds(seconds);
        }
        else
        {
            if (seconds is null)
            {
                item.Error("timestamp", "Is required: Unix seconds.");
            }

            // Milliseconds sent as seconds would otherwise be dated 9999, and 0 the Unix epoch.
            occurredAt = times.CheckUnixSeconds(item, "timestamp", seconds);
        }

        var url = item.String("url", FieldLimits.Text);
        if (eventId is null || eventName is null || occurredAt is null)
        {
            return;
        }

        if (reported is not { } kind)
        {
            batch.Skipped.Add(new SkippedEvent(index, eventName == Dropped
                ? $"'{source}' is about the message, not the address: nothing to suppress."
                : $"'{eventName}' is not an engagement Tailor learns from."));
            return;
        }

        var emailId = TailorEmailIds.Parse(item.String(TailorEmailIds.CustomArgument, FieldLimits.Id)) ?? TailorEmailIds.FromLink(url).EmailId;
        var machineOpen = kind == EngagementKind.Open &&
            (item.Boolean("sg_machine_open") == true || machines.IsMachine(item.String("useragent", FieldLimits.Text)));
        batch.Events.Add(new ProviderEvent(eventId, emailId, kind, occurredAt.Value, url, machineOpen, source));
    }

    // processed and deferred say nothing about the reader.
    private (EngagementKind? Kind, string? Source) Kind(string eventName, ObjectReader item) => eventName switch
    {
        "delivered" => (EngagementKind.Delivered, null),
        "open" => (EngagementKind.Open, null),
        "click" => (EngagementKind.Click, null),
        "bounce" => Bounce(item),
        "spamreport" => (EngagementKind.Complaint, EventSources.Of(Name, eventName)),
        "unsubscribe" => (EngagementKind.Unsubscribe, EventSources.Of(Name, eventName)),
        "group_unsubscribe" => (EngagementKind.Unsubscribe, EventSources.Of(Name, eventName, GroupId(item))),
        "group_resubscribe" => (EngagementKind.Resubscribe, EventSources.Of(Name, eventName, GroupId(item))),
        Dropped => DroppedKind(item),
        _ => (null, null),
    };

    // A bounce of type "blocked" is a temporary refusal; a plain bounce is permanent.
    private (EngagementKind?, string?) Bounce(ObjectReader item)
    {
        var type = item.String("type", FieldLimits.Name);
        return (type == "blocked" ? EngagementKind.SoftBounce : EngagementKind.HardBounce, EventSources.Of(Name, "bounce", type));
    }

    private (EngagementKind?, string?) DroppedKind(ObjectReader item)
    {
        var reason = item.String("reason", FieldLimits.Text);
        var kind = reason is not null && DroppedAddresses.TryGetValue(reason.Trim(), out var dropped) ? dropped : (EngagementKind?)null;
        return (kind, EventSources.Of(Name, Dropped, reason));
    }

    private static string? GroupId(ObjectReader item) =>
        item.Value("asm_group_id") is { ValueKind: JsonValueKind.Number } group ? group.GetRawText() : null;

    private static bool Verify(string publicKey, string timestamp, ReadOnlySpan<byte> body, string signature)
    {
        try
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(publicKey), out _);
            byte[] signed = [.. Encoding.UTF8.GetBytes(timestamp), .. body];
            return ecdsa.VerifyData(signed, Convert.FromBase64String(signature), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (Exception malformed) when (malformed is FormatException or CryptographicException)
        {
            return false;
        }
    }

    private static Task<IResult?> Refuse(string detail) => Task.FromResult<IResult?>(WebhookProblems.Unauthenticated(detail));
}
