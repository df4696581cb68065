using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Tailor.Contracts;
using Tailor.Ingestion.Validation;

namespace Tailor.Ingestion.Webhooks.Postmark;

/// <summary>
/// Postmark's webhooks: one record per request, <c>RecordType</c> naming it, HTTP Basic credentials set in the webhook
/// URL. Records carry no event id, so the record's content names it; Tailor's email id is <c>Metadata.tailor_email_id</c>.
/// </summary>
internal sealed class PostmarkWebhook(IOptions<WebhookOptions> options, MachineOpens machines) : IWebhookProvider
{
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

    public WebhookBatch Read(JsonElement payload)
    {
        var batch = new WebhookBatch();
        if (ObjectReader.Of(payload, JsonPaths.Root, batch.Errors) is not { } record)
        {
            return batch;
        }

        var recordType = record.String("RecordType", FieldLimits.Name, required: true);
        record.String("MessageID", FieldLimits.Id, required: true);
        var url = record.String("OriginalLink", FieldLimits.Text);
        var occurredAt = record.Timestamp(TimeField(recordType), required: true);
        if (recordType is null || occurredAt is null || !batch.Errors.IsEmpty)
        {
            return batch;
        }

        if (Kind(recordType, record) is not { } kind)
        {
            batch.Skipped.Add(new SkippedEvent(0, $"'{recordType}' is not an engagement Tailor learns from."));
            return batch;
        }

        var emailId = TailorEmailIds.Parse(record.Object("Metadata")?.String(TailorEmailIds.CustomArgument, FieldLimits.Id))
            ?? TailorEmailIds.FromLink(url).EmailId;
        var machineOpen = kind == EngagementKind.Open && machines.IsMachine(record.String("UserAgent", FieldLimits.Text));
        batch.Events.Add(new ProviderEvent(ContentKey(payload), emailId, kind, occurredAt.Value, url, machineOpen));
        return batch;
    }

    private static string TimeField(string? recordType) => recordType switch
    {
        "Delivery" => "DeliveredAt",
        "Bounce" => "BouncedAt",
        "SpamComplaint" => "BouncedAt",
        "SubscriptionChange" => "ChangedAt",
        _ => "ReceivedAt",
    };

    // Postmark's bounce Type: HardBounce and BadEmailAddress are permanent; the rest (SoftBounce, Transient ...) may pass later.
    private static EngagementKind? Kind(string recordType, ObjectReader record) => recordType switch
    {
        "Delivery" => EngagementKind.Delivered,
        "Open" => EngagementKind.Open,
        "Click" => EngagementKind.Click,
        "Bounce" => record.String("Type", FieldLimits.Name) is "HardBounce" or "BadEmailAddress" ? EngagementKind.HardBounce : EngagementKind.SoftBounce,
        "SpamComplaint" => EngagementKind.Complaint,
        "SubscriptionChange" => record.Boolean("SuppressSending") == false ? EngagementKind.Resubscribe : EngagementKind.Unsubscribe,
        _ => null,
    };

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
