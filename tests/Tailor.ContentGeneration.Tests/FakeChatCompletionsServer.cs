using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Tailor.ContentGeneration.Tests;

/// <summary>
/// A real HTTP server in the test process that speaks OpenAI's chat completions protocol and answers from a script:
/// each request takes the next reply (the last one repeats). It keeps every request body it received.
/// </summary>
internal sealed class FakeChatCompletionsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script;
    private Func<HttpContext, Task> _last;

    private FakeChatCompletionsServer(WebApplication app, IEnumerable<Func<HttpContext, Task>> script)
    {
        _app = app;
        _script = new ConcurrentQueue<Func<HttpContext, Task>>(script);
        _last = Reply.Status(500);
    }

    public ConcurrentQueue<JsonNode> Requests { get; } = new();

    /// <summary>The API base to configure, ending in <c>/v1</c>.</summary>
    public string Endpoint => _app.Urls.First() + "/v1";

    public static async Task<FakeChatCompletionsServer> StartAsync(params Func<HttpContext, Task>[] script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeChatCompletionsServer(app, script);
        app.MapPost("/v1/chat/completions", server.AnswerAsync);
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        Requests.Enqueue((await JsonNode.ParseAsync(context.Request.Body))!);
        if (_script.TryDequeue(out var next))
        {
            _last = next;
        }

        await _last(context);
    }

    /// <summary>Scripted answers.</summary>
    public static class Reply
    {
        /// <summary>A completion whose message content is <paramref name="content"/>, with token usage.</summary>
        public static Func<HttpContext, Task> Content(string content) => context =>
        {
            var body = new JsonObject
            {
                ["id"] = "chatcmpl-test",
                ["object"] = "chat.completion",
                ["created"] = 1_700_000_000,
                ["model"] = "test-model",
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
                    ["finish_reason"] = "stop",
                }),
                ["usage"] = new JsonObject { ["prompt_tokens"] = 300, ["completion_tokens"] = 120, ["total_tokens"] = 420 },
            };
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(body.ToJsonString());
        };

        public static Func<HttpContext, Task> Draft(object draft) => Content(JsonSerializer.Serialize(draft, new JsonSerializerOptions(JsonSerializerDefaults.Web)));

        /// <summary>An error answer, with the provider's <paramref name="message"/> in its body as OpenAI writes it.</summary>
        public static Func<HttpContext, Task> Status(int status, string message = "scripted failure") => context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            var body = new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = "server_error" } };
            return context.Response.WriteAsync(body.ToJsonString());
        };

        /// <summary>Answers only after <paramref name="delay"/>, or never if the client gives up first.</summary>
        public static Func<HttpContext, Task> Slow(TimeSpan delay, Func<HttpContext, Task> then) => async context =>
        {
            await Task.Delay(delay, context.RequestAborted);
            await then(context);
        };
    }
}
