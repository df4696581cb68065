using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Tailor.Ingestion.Accepting;
using Tailor.Ingestion.Http;
using Tailor.Ingestion.Security;
using Tailor.ServiceDefaults;
using Tailor.Storage;

namespace Tailor.Ingestion.Reports;

/// <summary><c>GET /v1/campaigns/{campaignId}/report</c>: what a campaign's emails came to, per arm and subject variant, and the lift; admin scope.</summary>
internal sealed class CampaignReportEndpoints : IEndpointModule
{
    /// <summary>Where one campaign's report is read: the <c>Location</c> of an accepted campaign request.</summary>
    public static string PathOf(string campaignId) => $"/v1/campaigns/{Uri.EscapeDataString(campaignId)}/report";

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/v1/campaigns")
            .WithTags("Campaigns")
            .RequireApiScope(ApiScopes.Admin)
            .MapGet("/{campaignId}/report", ReportAsync)
            .WithSummary("A campaign's emails, engagements and conversions per arm and subject variant, with the lift of personalisation over the control group")
            .WithDescription(
                "Counts emails, not events: sent, delivered, opened by a person or by a machine, clicked, unsubscribed, complained " +
                "about, bounced, converted (an order attributed to the email: the latest campaign email the user was sent within " +
                "the conversion window before the order), with the orders and their revenue per currency. Rates are over delivered " +
                "emails (over sent ones when no delivery events came). The lift compares the personalised arm's open, click and " +
                "conversion rates with the control group's, with 95% confidence intervals.")
            .Produces<CampaignReportDocument>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static Task<IResult> ReportAsync(
        HttpContext http, string campaignId, CampaignEmailFacts facts, CampaignOrders orders, IEventStore events, ILogger<CampaignReportEndpoints> logger) =>
        StoreFailures.AnswerAsync(http, logger, async cancellationToken =>
        {
            var report = new CampaignReport();
            await foreach (var fact in facts.ListAsync(campaignId, cancellationToken))
            {
                report.Add(fact);
            }

            await foreach (var line in orders.ListAsync(campaignId, cancellationToken))
            {
                report.Add(line);
            }

            // A campaign requested over the API is known before its first email; one whose emails came over the bus is
            // known by its emails.
            if (report.Emails == 0 && !await IsRequestedAsync(events, campaignId, cancellationToken))
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status404NotFound,
                    title: "Unknown campaign",
                    detail: $"No campaign '{campaignId}' was requested and no email of it was written.");
            }

            return Results.Ok(report.ToDocument(campaignId));
        });

    // POST /v1/campaigns stores the request under an event id that is the campaign id (CampaignMapper).
    private static async Task<bool> IsRequestedAsync(IEventStore events, string campaignId, CancellationToken cancellationToken) =>
        Guid.TryParseExact(campaignId, "N", out var eventId) && await events.ContainsAsync(IngestionStorage.EventStream, eventId, cancellationToken);
}
