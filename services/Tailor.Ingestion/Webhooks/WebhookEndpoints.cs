using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tailor.Ingestion.Security;
using Tailor.Ingestion.Webhooks.Mailgun;
using Tailor.Ingestion.Webhooks.Postmark;
using Tailor.Ingestion.Webhooks.Ses;
using Tailor.Ingestion.Webhooks.SendGrid;
using Tailor.ServiceDefaults;

namespace Tailor.Ingestion.Webhooks;

/// <summary><c>/v1/webhooks/{provider}</c>: no API key, each provider proves itself its own way.</summary>
internal sealed class WebhookEndpoints : IEndpointModule
{
    private const string Json = "application/json";

    // SNS posts its notifications as text/plain (their body is JSON all the same).
    private const string SnsText = "text/plain";

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // Each route declares the types it reads, so routing answers any other Content-Type with a 415 whose detail
        // names them (UnsupportedMediaTypeDetail), before the body is read: a provider set up to post a form or XML
        // learns what to send instead of seeing its body quoted back as malformed JSON.
        var webhooks = endpoints.MapGroup("/v1/webhooks")
            .WithTags("Webhooks")
            .AllowAnonymous()
            .RequireRateLimiting(PerKeyRateLimit.PolicyName)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        webhooks.MapPost("/sendgrid", (HttpContext http, SendGridWebhook provider, WebhookReceiver receiver) => receiver.ReceiveAsync(http, provider))
            .WithSummary("SendGrid Event Webhook (signed when a verification key is configured)")
            .Accepts<JsonElement>(Json);
        webhooks.MapPost("/mailgun", (HttpContext http, MailgunWebhook provider, WebhookReceiver receiver) => receiver.ReceiveAsync(http, provider))
            .WithSummary("Mailgun webhooks (HMAC-SHA256 signature, tokens accepted once)")
            .Accepts<JsonElement>(Json);
        webhooks.MapPost("/ses", (HttpContext http, SesWebhook provider, WebhookReceiver receiver) => receiver.ReceiveAsync(http, provider))
            .WithSummary("Amazon SES events through an SNS subscription (signature verified against the configured certificate)")
            .Accepts<JsonElement>(SnsText, Json)
            .ProducesProblem(StatusCodes.Status502BadGateway);
        webhooks.MapPost("/postmark", (HttpContext http, PostmarkWebhook provider, WebhookReceiver receiver) => receiver.ReceiveAsync(http, provider))
            .WithSummary("Postmark webhooks (HTTP Basic credentials)")
            .Accepts<JsonElement>(Json);
    }
}
