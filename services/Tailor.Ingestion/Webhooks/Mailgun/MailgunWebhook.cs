using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Tailor.Contracts;
using Tailor.Ingestion.Validation;
using Tailor.Messaging.Rules;
using Tailor.Storage;

namespace Tailor.Ingestion.Webhooks.Mailgun;

/// <summary>
/// Mailgun's webhooks: one event per request, <c>signature{timestamp, token, signature}</c> = HMAC-SHA256 of
/// timestamp + token under the signing key. A token is accepted once; Tailor's email id is the user variable
/// <c>tailor_email_id</c>.
/// </summary>
internal sealed class MailgunWebhook(IOptions<WebhookOptions> options, IDocumentStore documents, MachineOpens machines, TimeProvider time)
    : IWebhookProvider
{
    /// <summary>Tokens of accepted deliveries, so a captured request cannot be replayed.</summary>
    public const string TokensCollection = "ingestion.webhook-tokens";

    public string Name => "mailgun";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.MailgunSigningKey);

    public async Task<IResult?> AuthenticateAsync(HttpRequest request, ReadOnlyMemory<byte> body, JsonElement payload, CancellationToken cancellationToken)
    {
        if (Signature(payload) is not { } signed)
        {
            return WebhookProblems.Unauthenticated("The body carries no signature {timestamp, token, signature}.");
        }

        var (timestamp, token, signature) = signed;

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Value.MailgunSigningKey!), Encoding.UTF8.GetBytes(timestamp + token));
        if (!TryFromHex(signature, out var presented) || !CryptographicOperations.FixedTimeEquals(expected, presented))
        {
            return WebhookProblems.Unauthenticated("The signature does not match the signing key.");
        }

        if (SignedTimestamps.Check(timestamp, time, options.Value.MaxSignatureAge) is { } stale)
        {
            return stale;
        }

        return await documents.GetAsync(TokensCollection, TokenId(token), cancellationToken) is null
            ? null
            : WebhookProblems.Replayed("This signature token was accepted before.");
    }

    public Task<IResult?> HandleControlMessageAsync(JsonElement payload, CancellationToken cancellationToken) => Task.FromResult<IResult?>(null);

    public async Task AcceptedAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        if (Signature(payload) is { } signed)
        {
            await documents.PutAsync(TokensCollection, TokenId(signed.Token), new { signed.Timestamp }, cancellationToken);
        }
    }

    public WebhookBatch Read(JsonElement payload, EventTimeRange times)
    {
        var batch = new WebhookBatch();
        if (ObjectReader.Of(payload, JsonPaths.Root, batch.Errors)?.Object("event-data", required: true) is not { } data)
        {
            return batch;
        }

        var id = data.String("id", FieldLimits.Id, required: true);
        var eventName = data.String("event", FieldLimits.Name, required: true);
        var severity = data.String("severity", FieldLimits.Name);
        var reason = data.String("reason", FieldLimits.Name);
        var reported = eventName is null ? null : Kind(eventName, severity, reason);
        DateTimeOffset? occurredAt;
        if (reported is { } stop && ConsentChanges.SaysStop(stop))
        {
            occurredAt = times.ForStopUnixSeconds(data.Value("timestamp") is { ValueKind: JsonValueKind.Number } unix && unix.TryGetDouble(out var read) ? read : null);
        }
        else
        {
            var seconds = data.PositiveNumber("timestamp");
            if (seconds is null && data.Value("timestamp") is null)
            {
                data.Error("timestamp", "Is required: Unix seconds.");
            }

            occurredAt = times.CheckUnixSeconds(data, "timestamp", seconds);
        }

        var url = data.String("url", FieldLimits.Text);
        var variables = data.Object("user-variables");
        var userAgent = data.Object("client-info")?.String("user-agent", FieldLimits.Text);
        if (id is null || eventName is null || occurredAt is null)
        {
            return batch;
        }

        if (reported is not { } kind)
        {
            batch.Skipped.Add(new SkippedEvent(0, $"'{eventName}' is not an engagement Tailor learns from."));
            return batch;
        }

        var emailId = TailorEmailIds.Parse(variables?.String(TailorEmailIds.CustomArgument, FieldLimits.Id)) ?? TailorEmailIds.FromLink(url).EmailId;
        var source = kind is EngagementKind.Delivered or EngagementKind.Open or EngagementKind.Click ? null : EventSources.Of(Name, eventName, severity, reason);
        batch.Events.Add(new ProviderEvent(id, emailId, kind, occurredAt.Value, url, kind == EngagementKind.Open && machines.IsMachine(userAgent), source));
        return batch;
    }

    // "failed" is a bounce: permanent is hard, temporary soft, except when Mailgun did not send because the address is
    // on its unsubscribe or complaint list (reason suppress-unsubscribe, suppress-complaint), which keeps that kind.
    // accepted, rejected and stored say nothing about the reader.
    private static EngagementKind? Kind(string eventName, string? severity, string? reason) => eventName switch
    {
        "delivered" => EngagementKind.Delivered,
        "opened" => EngagementKind.Open,
        "clicked" => EngagementKind.Click,
        "failed" when reason == "suppress-unsubscribe" => EngagementKind.Unsubscribe,
        "failed" when reason == "suppress-complaint" => EngagementKind.Complaint,
        "failed" => severity == "temporary" ? EngagementKind.SoftBounce : EngagementKind.HardBounce,
        "complained" => EngagementKind.Complaint,
        "unsubscribed" => EngagementKind.Unsubscribe,
        _ => null,
    };

    private static (string Timestamp, string Token, string Signature)? Signature(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object || !payload.TryGetProperty("signature", out var signature) || signature.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var timestamp = Text(signature, "timestamp");
        var token = Text(signature, "token");
        var value = Text(signature, "signature");
        return timestamp is null || token is null || value is null || token.Length > FieldLimits.Id ? null : (timestamp, token, value);
    }

    // Mailgun sends the timestamp as a string; a number is read as sent.
    private static string? Text(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static string TokenId(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static bool TryFromHex(string hex, out byte[] bytes)
    {
        bytes = [];
        if (hex.Length != 64)
        {
            return false;
        }

        try
        {
            bytes = Convert.FromHexString(hex);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
