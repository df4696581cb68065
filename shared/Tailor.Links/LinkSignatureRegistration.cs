using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Tailor.Links;

public static class LinkSignatureRegistration
{
    /// <summary>Registers <see cref="LinkSignature"/> with its key from <see cref="LinkSigningOptions"/>, validated on start.</summary>
    public static IServiceCollection AddLinkSignature(this IServiceCollection services)
    {
        services.AddOptions<LinkSigningOptions>()
            .BindConfiguration(LinkSigningOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(provider => new LinkSignature(provider.GetRequiredService<IOptions<LinkSigningOptions>>().Value.Key));
        return services;
    }
}
