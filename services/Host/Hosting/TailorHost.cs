using Tailor.Messaging;
using Tailor.Profiles;
using Tailor.ServiceDefaults;
using Tailor.Storage;

namespace Tailor.Host.Hosting;

/// <summary>Builds a Tailor process: defaults, stores, the chosen services, then the bus that carries their consumers.</summary>
public static class TailorHost
{
    /// <param name="customize">Adds to the builder before the bus is configured (the demo adds its own consumers here).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? customize = null)
    {
        // Settings ship beside the binary, so the host reads the same appsettings.json from whatever folder it runs in.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.AddServiceDefaults();
        builder.AddTailorStorage();
        builder.AddTailorProfiles();
        builder.AddTargets();
        customize?.Invoke(builder);
        builder.AddTailorBus();

        var app = builder.Build();
        app.UseServiceDefaults();
        app.MapDefaultEndpoints();
        app.MapServiceEndpoints();
        return app;
    }
}
