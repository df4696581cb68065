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
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
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
            .WithSummary("SendGrid Event Webhook (signed when a verification key is configured)");
        webhooks.MapPost("/mailgun", (HttpContext http, MailgunWebhook provider, WebhookReceiver receiver) => receiver.ReceiveAsync(http, provider))
            .WithSummary("Mailgun webhooks (HMAC-SHA256 signature, tokens accepted once)");
        webhooks.MapPost("/ses", (HttpContext http, SesWebhook provider, WebhookReceiver receiver) => receiver.ReceiveAsync(http, provider))
            .WithSummary("Amazon SES events through an SNS subscription (signature verified against the configured certificate)")
            .ProducesProblem(StatusCodes.Status502BadGateway);
        webhooks.MapPost("/postmark", (HttpContext http, PostmarkWebhook provider, WebhookReceiver receiver) => receiver.ReceiveAsync(http, provider))
            .WithSummary("Postmark webhooks (HTTP Basic credentials)");
    }
}
