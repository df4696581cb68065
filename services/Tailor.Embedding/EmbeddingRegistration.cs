using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Tailor.Embedding.Consumers;
using Tailor.Embedding.Diagnostics;
using Tailor.Embedding.Interests;
using Tailor.Embedding.Model;
using Tailor.Embedding.Vectors;
using Microsoft.Extensions.Configuration;
using Tailor.Messaging;
using Tailor.Profiles;
using Tailor.Profiles.Rebuild;
using Tailor.Profiles.Redis;

namespace Tailor.Embedding;

public static class EmbeddingRegistration
{
    /// <summary>
    /// Adds the Embedding service: options from <c>Tailor:Embedding</c>, the model (loaded on first use), the vector
    /// and interest stores, and its consumers. The host provides the event store, document store and profile cache.
    /// </summary>
    public static IHostApplicationBuilder AddEmbedding(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<EmbeddingOptions>()
            .BindConfiguration(EmbeddingOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EmbeddingMetrics>();
        services.AddSingleton<SentenceEmbedder>();
        services.AddSingleton<TextVectors>();
        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(ProfileRegistration.RedisConnectionName)))
        {
            services.AddSingleton<ISharedTextVectorCache, ProcessOnlyTextVectorCache>();
        }
        else
        {
            // The multiplexer and the key prefix are the profile cache's (AddTailorProfiles): one Redis, one prefix.
            services.AddOptions<RedisProfileOptions>().BindConfiguration(RedisProfileOptions.Section);
            services.AddSingleton<ISharedTextVectorCache, RedisTextVectorCache>();
        }

        services.AddSingleton<ItemVectorStore>();
        services.AddSingleton<ActivityEvidenceResolver>();
        services.AddSingleton<UserInterests>();
        services.AddProfileSliceRebuilder<InterestsSlice, UserInterests>((interests, token) => interests.RewriteSlicesAsync(token));

        builder.AddTailorConsumers("tailor-embedding-consumers", bus =>
        {
            bus.AddConsumer<CatalogItemUpsertedConsumer, CatalogItemUpsertedConsumerDefinition>();
            bus.AddConsumer<UserActivityTrackedConsumer, UserActivityTrackedConsumerDefinition>();
            bus.AddConsumer<EmailEngagedConsumer, EmailEngagedConsumerDefinition>();
            bus.AddConsumer<UserErasedConsumer, UserErasedConsumerDefinition>();
        });
        return builder;
    }
}
