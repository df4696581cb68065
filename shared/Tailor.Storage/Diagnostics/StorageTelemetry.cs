using System.Diagnostics;

namespace Tailor.Storage.Diagnostics;

/// <summary>The stores' trace source; <c>Tailor.*</c> is what the service defaults export.</summary>
public static class StorageTelemetry
{
    public const string Name = "Tailor.Storage";

    internal static ActivitySource Source { get; } = new(Name);

    /// <summary>A client span named after the operation and its stream or collection, in OpenTelemetry's database terms.</summary>
    internal static Activity? Start(string system, string operation, string collection)
    {
        var activity = Source.StartActivity($"{operation} {collection}", ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag("db.system.name", system);
            activity.SetTag("db.operation.name", operation);
            activity.SetTag("db.collection.name", collection);
        }

        return activity;
    }

    /// <summary>Awaits a store call, marking the span failed when it throws (the exception itself propagates unchanged).</summary>
    internal static async Task<T> Traced<T>(this Activity? activity, Task<T> call)
    {
        try
        {
            return await call;
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            throw;
        }
    }

    internal static async Task Traced(this Activity? activity, Task call)
    {
        try
        {
            await call;
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            throw;
        }
    }
}
