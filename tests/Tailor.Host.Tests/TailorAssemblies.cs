using System.Reflection;

namespace Tailor.Host.Tests;

/// <summary>Every Tailor assembly the host ships (services and shared libraries), for checks that span them all.</summary>
internal static class TailorAssemblies
{
    public static IReadOnlyList<Assembly> All { get; } =
    [
        .. Directory.GetFiles(AppContext.BaseDirectory, "Tailor.*.dll")
            .Where(path => !Path.GetFileName(path).Contains(".Tests", StringComparison.Ordinal)
                && !Path.GetFileName(path).Equals("Tailor.Testing.dll", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(Assembly.LoadFrom),
    ];
}
