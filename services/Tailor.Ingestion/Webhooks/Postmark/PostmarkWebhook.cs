using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Tailor.Contracts;
using Tailor.Ingestion.Validation;
using Tailor.Messaging.Rules;

namespace Tailor.Ingestion.Webhooks.Postmark;

/// <summary>
/// Postmark's webhooks: one record per request, <c>RecordType</c> naming it, HTTP Basic credentials set in the webhook
/// URL. Records carry no event id, so the record's content names it; Tailor's email id is <c>Metadata.tailor_email_id</c>.
/// </summary>
internal sealed class PostmarkWebhook(IOptions<WebhookOptions> options, MachineOpens machines) : IWebhookProvider
{
    private const string Bounce = "Bounce";
    private const string SpamComplaint = "SpamComplaint";
    private const string SubscriptionChange = "SubscriptionChange";

    public string Name => "postmark";

    public bool IsConfigured => !string.IsNullOrEmpty(options.Value.PostmarkUsername) && !string.IsNullOrEmpty(options.Value.PostmarkPassword);

    public Task<IResult?> AuthenticateAsync(HttpRequest request, ReadOnlyMemory<byte> body, JsonElement payload, CancellationToken cancellationToken)
    {
        var expected = Encoding.UTF8.GetBytes($"{options.Value.PostmarkUsername}:{options.Value.PostmarkPassword}");
        var authorization = request.Headers[HeaderNames.Authorization].ToString();
        var presented = authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) ? Decode(authorization["Basic ".Length..]) : [];

        // Compared in constant time: how long a wrong password takes to refuse must not tell how much of it was right.
        return Task.FromResult<IResult?>(CryptographicOperations.FixedTimeEquals(expected, presented)
            ? null
            : WebhookProblems.Unauthenticated("Wrong or missing HTTP Basic credentials."));
    }

    public Task<IResult?> HandleControlMessageAsync(JsonElement payload, CancellationToken cancellationToken) => Task.FromResult<IResult?>(null);

    public Task AcceptedAsync(JsonElement payload, CancellationToken cancellationToken) => Task.CompletedTask;

    public WebhookBatch Read(JsonElement payload, EventTimeRange times)
    {
        var batch = new WebhookBatch();
        if (ObjectReader.Of(payload, JsonPaths.Root, batch.Errors) is not { } record)
        {
            return batch;
        }

        var recordType = record.String("RecordType", FieldLimits.Name, required: true);
        // Postmark sends no MessageID for suppressions made by the sender or an admin, and for reactivations.
        record.String("MessageID", FieldLimits.Id, required: recordType != SubscriptionChange);
        var url = record.String("OriginalLink", FieldLimits.Text);
        var (reported, source) = recordType is null ? (null, null) : Kind(recordType, record);
        var occurredAt = OccurredAt(recordType, reported, record, times);
        if (recordType is null || occurredAt is null || !batch.Errors.IsEmpty)
        {
            return batch;
        }

        if (reported is not { } kind)
        {
            batch.Skipped.Add(new SkippedEvent(0, $"'{recordType}' is not an engagement Tailor learns from."));
            return batch;
        }

        var emailId = TailorEmailIds.Parse(record.Object("Metadata")?.String(TailorEmailIds.CustomArgument, FieldLimits.Id))
            ?? TailorEmailIds.FromLink(url).EmailId;
        var machineOpen = kind == EngagementKind.Open && machines.IsMachine(record.String("UserAgent", FieldLimits.Text));
        var address = recordType == SubscriptionChange ? Address(record.String("Recipient", FieldLimits.Email)) : null;
        batch.Events.Add(new ProviderEvent(ContentKey(payload), emailId, kind, occurredAt.Value, url, machineOpen, source, address));
        return batch;
    }

    // A SubscriptionChange made by the sender or an admin, and every reactivation, comes without the message's Metadata:
    // its Recipient is all that says whom it is about.
    private static string? Address(string? recipient) =>
        MailAddress.TryCreate(recipient?.Trim(), out var address) && address.DisplayName.Length == 0 ? address.Address : null;

    // A record that says stop is never refused for its time (a refused stop is a person emailed again): missing,
    // unreadable or out of range, it takes the time it arrived (EventTimeRange.ForStop). Any other Bounce or
    // SubscriptionChange (a soft bounce, a reactivation) takes it only when the time is missing; out of range, it is
    // refused, or a reactivation dated 1970 would become one dated now and lift a newer unsubscribe. Engagement records
    // keep theirs required and in range, as the send-time models learn from it.
    private static DateTimeOffset? OccurredAt(string? recordType, EngagementKind? kind, ObjectReader record, EventTimeRange times)
    {
        var field = recordType switch
        {
            "Delivery" => "DeliveredAt",
            Bounce or SpamComplaint => "BouncedAt",
            SubscriptionChange => "ChangedAt",
            _ => "ReceivedAt",
        };
        if (kind is { } reported && ConsentChanges.SaysStop(reported))
        {
            return times.ForStop(record.ReadableTimestamp(field));
        }

        return recordType is Bounce or SpamComplaint or SubscriptionChange && record.Value(field) is null
            ? times.Now
            : times.Check(record, field, record.Timestamp(field, required: true));
    }

    private (EngagementKind? Kind, string? Source) Kind(string recordType, ObjectReader record) => recordType switch
    {
        "Delivery" => (EngagementKind.Delivered, null),
        "Open" => (EngagementKind.Open, null),
        "Click" => (EngagementKind.Click, null),
        Bounce => BounceKind(record),
        SpamComplaint => (EngagementKind.Complaint, EventSources.Of(Name, "spam-complaint")),
        SubscriptionChange => SubscriptionChangeKind(record),
        _ => (null, null),
    };

    private (EngagementKind?, string?) BounceKind(ObjectReader record)
    {
        var typeCode = record.Value("TypeCode") is { ValueKind: JsonValueKind.Number } code && code.TryGetInt32(out var number) ? number : (int?)null;
        var type = PostmarkBounceKinds.TypeName(record.String("Type", FieldLimits.Name), typeCode);
        var inactive = record.Value("Inactive") is { ValueKind: JsonValueKind.True };
        var kind = PostmarkBounceKinds.Of(type, inactive);
        return (kind, EventSources.Of(Name, "bounce", type, inactive ? "inactive" : null));
    }

    // SuppressSending says whether Postmark suppressed the address (SuppressionReason HardBounce, SpamComplaint or
    // ManualSuppression, which is also what an unsubscribe is) or reactivated it. Without it, the safe reading is a stop.
    private (EngagementKind?, string?) SubscriptionChangeKind(ObjectReader record)
    {
        if (record.Boolean("SuppressSending") == false)
        {
            return (EngagementKind.Resubscribe, EventSources.Of(Name, "subscription-change", "reactivated"));
        }

        var reason = record.String("SuppressionReason", FieldLimits.Name);
        var kind = reason switch
        {
            "HardBounce" => EngagementKind.HardBounce,
            "SpamComplaint" => EngagementKind.Complaint,
            _ => EngagementKind.Unsubscribe,
        };
        return (kind, EventSources.Of(Name, "subscription-change", reason ?? "suppressed"));
    }

    private static string ContentKey(JsonElement payload) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload.GetRawText())));

    private static byte[] Decode(string encoded)
    {
        try
        {
            return Convert.FromBase64String(encoded.Trim());
        }
        catch (FormatException)
        {
            return [];
        }
    }
}
