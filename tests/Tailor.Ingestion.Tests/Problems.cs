using System.Net;
using System.Text.Json;

namespace Tailor.Ingestion.Tests;

/// <summary>Reads RFC 9457 problem details answers.</summary>
internal static class Problems
{
    public const string ContentType = "application/problem+json";

    /// <summary>Asserts a 400 validation problem and returns its <c>errors</c> keyed by JSON path.</summary>
    public static async Task<Dictionary<string, string[]>> ValidationErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ContentType, response.Content.Headers.ContentType?.MediaType);
        var problem = await IngestionApp.ReadJsonAsync(response);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        return problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    /// <summary>Asserts a problem details answer with the given status and returns its title.</summary>
    public static async Task<string> TitleAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(ContentType, response.Content.Headers.ContentType?.MediaType);
        var problem = await IngestionApp.ReadJsonAsync(response);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem.GetProperty("title").GetString()!;
    }

    /// <summary>Asserts a problem details answer with the given status and returns its detail.</summary>
    public static async Task<string> DetailAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(ContentType, response.Content.Headers.ContentType?.MediaType);
        var problem = await IngestionApp.ReadJsonAsync(response);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return Assert.IsType<string>(problem.GetProperty("detail").GetString());
    }
}
