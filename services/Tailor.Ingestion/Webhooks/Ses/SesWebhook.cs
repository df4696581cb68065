using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tailor.Messaging.Rules;

namespace Tailor.Ingestion.Webhooks.Ses;

/// <summary>
/// Amazon SES events through an SNS HTTPS subscription. Every message is verified against the configured SNS signing
/// certificate (never one fetched from the URL the message names); a subscription confirmation is confirmed by visiting
/// its <c>SubscribeURL</c>, only on an allowed SNS host.
/// </summary>
internal sealed class SesWebhook(
    IOptions<WebhookOptions> options,
    MachineOpens machines,
    SnsSubscriptionConfirmer confirmer,
    ILogger<SesWebhook> logger) : IWebhookProvider
{
    public string Name => "ses";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.SesSigningCertificatePem);

    public Task<IResult?> AuthenticateAsync(HttpRequest request, ReadOnlyMemory<byte> body, JsonElement payload, CancellationToken cancellationToken)
    {
        if (SnsMessage.From(payload) is not { } message)
        {
            return Refuse("Not an SNS message: Type, MessageId, TopicArn, Message, Timestamp, SignatureVersion and Signature are required.");
        }

        var topics = options.Value.SesTopicArns;
        if (topics.Count > 0 && !topics.Contains(message.TopicArn, StringComparer.Ordinal))
        {
            return Refuse("Messages of this topic are not accepted.");
        }

        return Verify(message) ? Task.FromResult<IResult?>(null) : Refuse("The SNS signature does not verify against the configured certificate.");
    }

    public async Task<IResult?> HandleControlMessageAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        var message = SnsMessage.From(payload)!;
        if (message.Type == SnsMessage.Notification)
        {
            return null;
        }

        if (message.Type != SnsMessage.SubscriptionConfirmation)
        {
            // UnsubscribeConfirmation and anything newer: acknowledged, nothing to do.
            return Results.Ok(new { success = true, accepted = 0 });
        }

        if (!Uri.TryCreate(message.SubscribeUrl, UriKind.Absolute, out var subscribe) || !IsAllowedHost(subscribe.Host))
        {
            return WebhookProblems.Invalid("SubscribeURL is missing or not on an allowed SNS host; see SesConfirmationHosts.");
        }

        if (await confirmer.ConfirmAsync(subscribe, cancellationToken) is { } failed)
        {
            return WebhookProblems.NotConfirmed(failed);
        }

        Log.SnsSubscriptionConfirmed(logger, message.TopicArn);
        return Results.Ok(new { success = true, confirmed = message.TopicArn });
    }

    public WebhookBatch Read(JsonElement payload, EventTimeRange times)
    {
        var batch = new WebhookBatch();
        var message = SnsMessage.From(payload)!;
        SesEventReader.Read(message.MessageId, message.Message, machines, times, batch);
        return batch;
    }

    public Task AcceptedAsync(JsonElement payload, CancellationToken cancellationToken) => Task.CompletedTask;

    private bool Verify(SnsMessage message)
    {
        var algorithm = message.SignatureVersion switch
        {
            "1" => HashAlgorithmName.SHA1,
            "2" => HashAlgorithmName.SHA256,
            _ => (HashAlgorithmName?)null,
        };
        if (algorithm is null)
        {
            return false;
        }

        try
        {
            using var certificate = X509Certificate2.CreateFromPem(options.Value.SesSigningCertificatePem);
            using var rsa = certificate.GetRSAPublicKey();
            return rsa is not null && rsa.VerifyData(
                Encoding.UTF8.GetBytes(message.StringToSign()), Convert.FromBase64String(message.Signature), algorithm.Value, RSASignaturePadding.Pkcs1);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    // Following any URL a message names would let a forged confirmation make Tailor call into the private network.
    private bool IsAllowedHost(string host) =>
        options.Value.SesConfirmationHosts.Any(allowed =>
            Regex.IsMatch(host, "^" + Regex.Escape(allowed).Replace(@"\*", "[a-z0-9-]+", StringComparison.Ordinal) + "$", RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(100)));

    private static Task<IResult?> Refuse(string detail) => Task.FromResult<IResult?>(WebhookProblems.Unauthenticated(detail));
}
