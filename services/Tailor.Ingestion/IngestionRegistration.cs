using MassTransit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Tailor.Contracts;
using Tailor.Ingestion.Administration;
using Tailor.Ingestion.Accepting;
using Tailor.Ingestion.ApiReference;
using Tailor.Ingestion.Consumers;
using Tailor.Ingestion.Contacts;
using Tailor.Ingestion.Engagements;
using Tailor.Ingestion.Http;
using Tailor.Ingestion.Identities;
using Tailor.Ingestion.Links;
using Tailor.Ingestion.Reports;
using Tailor.Ingestion.Security;
using Tailor.Ingestion.Users;
using Tailor.Ingestion.Webhooks;
using Tailor.Messaging;
using Tailor.Profiles.Rebuild;
using Tailor.ServiceDefaults;

namespace Tailor.Ingestion;

public static class IngestionRegistration
{
    /// <summary>
    /// Adds Ingestion: the <c>/v1</c> HTTP API (as an <see cref="IEndpointModule"/>), the consent book, the
    /// <c>EmailEngaged</c> consumer and the attribution of orders to campaign emails. The host provides the stores, the
    /// profile cache and the bus.
    /// </summary>
    public static IHostApplicationBuilder AddIngestion(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<IngestionOptions>()
            .BindConfiguration(IngestionOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IngestionMetrics>();
        builder.Services.AddSingleton<SuppressionList>();
        builder.Services.AddSingleton<AddressHolders>();
        builder.Services.AddSingleton<ContactSlices>();
        builder.Services.AddSingleton<ContactBook>();
        builder.Services.AddProfileSliceRebuilder<Profiles.ContactSlice, ContactBook>((contacts, token) => contacts.RewriteSlicesAsync(token));

        // Scoped: it publishes through the request's (or consume context's) IPublishEndpoint.
        builder.Services.AddScoped<AcceptedMessageLog>();
        builder.Services.AddScoped<CatalogVersions>();
        builder.Services.AddScoped<AnonymousIdentities>();
        builder.Services.AddScoped<SegmentIngestor>();
        builder.Services.AddScoped<SegmentRequestServices>();
        builder.Services.AddSingleton<IEndpointModule, IngestionEndpoints>();
        builder.Services.AddSingleton<IConfigureOptions<ProblemDetailsOptions>, UnsupportedMediaTypeDetail>();
        builder.Services.AddSingleton<IConfigureOptions<ProblemDetailsOptions>, UnmatchedRouteDetail>();
        builder.Services.AddSingleton<IConfigureOptions<ProblemDetailsOptions>, MethodNotAllowedDetail>();
        builder.Services.AddScoped<UserErasure>();
        builder.Services.AddScoped<UserExport>();
        builder.Services.AddSingleton<IEndpointModule, UserDataEndpoints>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, DotSegmentUserPaths>();
        builder.Services.AddSingleton<IEndpointModule, ModelAdminEndpoints>();
        builder.Services.AddSingleton<CampaignEmailFacts>();
        builder.Services.AddSingleton<ConversionLedgers>();
        builder.Services.AddSingleton<CampaignOrders>();
        builder.Services.AddSingleton<IEndpointModule, CampaignReportEndpoints>();
        builder.Services.AddIngestionSecurity();
        builder.Services.AddIngestionApiReference();
        builder.Services.AddEarlyEngagements();
        builder.Services.AddIngestionWebhooks();
        builder.Services.AddIngestionLinks();

        builder.AddTailorConsumers("tailor-ingestion-consumers", bus =>
        {
            bus.AddConsumer<EmailEngagedConsumer, EmailEngagedConsumerDefinition>();
            bus.QueuedUnder("tailor-ingestion-webhooks", webhooks => webhooks.AddConsumer<EmailsWrittenConsumer, EmailsWrittenConsumerDefinition>());
            bus.AddConsumer<UserIdentifiedConsumer, UserIdentifiedConsumerDefinition>();
            bus.AddConsumer<UserGroupedConsumer, UserGroupedConsumerDefinition>();
            bus.AddConsumer<ConversionLedgerConsumer, ConversionLedgerConsumerDefinition>();
            bus.AddConsumer<OrderAttributionConsumer, OrderAttributionConsumerDefinition>();
            bus.AddRequestClient<RecommenderRollbackRequested>();
        });
        return builder;
    }
}
