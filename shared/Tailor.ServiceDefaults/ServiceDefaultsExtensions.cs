using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Tailor.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    private const string HealthPath = "/health";
    private const string AlivePath = "/alive";
    private const string LiveTag = "live";

    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        builder.ConfigureOpenTelemetry();
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        builder.Services.AddProblemDetails();

        // Present in every process, so the request pipeline is the same whichever services it runs; the services
        // that need them add their schemes, policies and limits (Ingestion: API keys).
        builder.Services.AddAuthentication();
        builder.Services.AddAuthorization();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        return builder;
    }

    public static IHostApplicationBuilder ConfigureOpenTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var openTelemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(TailorTelemetry.MassTransitSource, $"{TailorTelemetry.SourcePrefix}.*"));

        // Exporting is opt-in: with no collector configured the process stays quiet instead of retrying a dead endpoint,
        // and it records no spans either, since nobody could read them (that is a tenth of Ingestion's throughput).
        // Tailor:Tracing:Enabled records spans without OTLP, for a test (or a debugger) that adds its own exporter.
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (otlp || builder.Configuration.GetValue<bool>(TailorTelemetry.TracingEnabledKey))
        {
            openTelemetry.WithTracing(tracing => tracing
                .AddSource(TailorTelemetry.MassTransitSource, $"{TailorTelemetry.SourcePrefix}.*")
                .AddAspNetCoreInstrumentation(options =>
                {
                    options.Filter = context =>
                        !context.Request.Path.StartsWithSegments(HealthPath) &&
                        !context.Request.Path.StartsWithSegments(AlivePath);
                    options.EnrichWithHttpRequest = (activity, _) => PersonalDataTags.RemoveFrom(activity);
                })
                .AddHttpClientInstrumentation());
        }

        if (otlp)
        {
            openTelemetry.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// The request pipeline every process runs: problem details for failures, then who the caller is, what they may
    /// do and how often. Health endpoints need none of it.
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Maps <c>/health</c> (ready: every check) and <c>/alive</c> (live: the process answers), in every environment.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Degraded (the bus reconnecting to its broker) answers 503 too: a load balancer should send no work to a
        // process that would refuse it.
        app.MapHealthChecks(HealthPath, new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) });
        return app;
    }

    /// <summary>Maps the HTTP endpoints of every service the host registered.</summary>
    public static WebApplication MapServiceEndpoints(this WebApplication app)
    {
        foreach (var module in app.Services.GetServices<IEndpointModule>())
        {
            module.MapEndpoints(app);
        }

        return app;
    }
}
