using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Tailor.Messaging.Rules;

namespace Tailor.Ingestion.Webhooks;

/// <summary>One email provider's webhook: how it proves it is the provider, and how its payload reads.</summary>
internal interface IWebhookProvider
{
    /// <summary>The provider's name in paths, event ids and metrics: <c>sendgrid</c>, <c>mailgun</c>, <c>ses</c>, <c>postmark</c>.</summary>
    string Name { get; }

    /// <summary>False while the secrets it needs are not configured: the endpoint then answers 404 and accepts nothing.</summary>
    bool IsConfigured { get; }

    /// <returns>Null when the request is the provider's, else the problem to answer (401, 409 for a replay).</returns>
    Task<IResult?> AuthenticateAsync(HttpRequest request, ReadOnlyMemory<byte> body, JsonElement payload, CancellationToken cancellationToken);

    /// <summary>Answers messages that are not events (an SNS subscription confirmation); null for event payloads.</summary>
    Task<IResult?> HandleControlMessageAsync(JsonElement payload, CancellationToken cancellationToken);

    /// <param name="times">The event times accepted: an event dated outside them is rejected (in <see cref="WebhookBatch.Errors"/>).</param>
    WebhookBatch Read(JsonElement payload, EventTimeRange times);

    /// <summary>Called once the events are stored and published (Mailgun remembers the token only then, so a failed try can be retried).</summary>
    Task AcceptedAsync(JsonElement payload, CancellationToken cancellationToken);
}
