using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tailor.Links;
using Tailor.ServiceDefaults;

namespace Tailor.Ingestion.Links;

internal static class LinkRegistration
{
    /// <summary>The product-link redirect and the unsubscribe pages, with their options (section <c>Tailor:Ingestion:Links</c>).</summary>
    public static IServiceCollection AddIngestionLinks(this IServiceCollection services)
    {
        services.AddOptions<LinkOptions>()
            .BindConfiguration(LinkOptions.Section)
            .Configure<IConfiguration>((options, configuration) => options.BrandName = configuration[EmailBrand.ConfigurationKey] ?? EmailBrand.DefaultName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddLinkSignature();
        services.AddScoped<ClickRedirect>();
        services.AddScoped<SubscriptionChanges>();
        services.AddSingleton<IEndpointModule, LinkEndpoints>();

        // First: ProblemDetailsService uses the first writer that can write, and the default one writes JSON to anyone
        // whose Accept allows */* (every browser's does).
        services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, LinkProblemPages>());
        return services;
    }
}
