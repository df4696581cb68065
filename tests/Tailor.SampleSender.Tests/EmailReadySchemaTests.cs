using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using MassTransit.Serialization;
using MassTransit.Testing;
using Tailor.Contracts;
using Tailor.Testing;

namespace Tailor.SampleSender.Tests;

/// <summary>
/// docs/email-ready.schema.json and docs/email-ready.md against what Tailor really puts on the wire: EmailReady
/// serialised with MassTransit's System.Text.Json settings (the ones Tailor's bus uses, unchanged), and a real envelope.
/// </summary>
public sealed partial class EmailReadySchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(SchemaPath)));
    private static readonly EvaluationOptions Strict = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private static string SchemaPath => RepositoryFiles.Above("docs", "email-ready.schema.json");

    [Fact]
    public void Serialize_email_ready_with_every_field_matches_the_schema_property_for_property()
    {
        var json = Serialize(TestEmails.Ready(TestEmails.Now) with { ModelVersion = "openai/gpt-4o-mini-2024-07-18" });

        AssertValid(json);
        var schema = SchemaDocument();
        var declared = schema["properties"]!.AsObject().Select(property => property.Key).Order().ToList();
        var serialised = json.AsObject().Select(property => property.Key).Order().ToList();
        Assert.Equal(declared, serialised);
        // Each declared type is the one the serialiser writes for a set value.
        foreach (var (name, value) in json.AsObject())
        {
            var types = schema["properties"]![name]!["type"] switch
            {
                JsonArray array => array.Select(type => type!.GetValue<string>()).ToList(),
                JsonValue single => [single.GetValue<string>()],
                _ => [],
            };
            Assert.Contains(JsonTypeOf(value), types);
        }
    }

    [Fact]
    public void Serialize_email_ready_without_its_optional_fields_matches_the_schema()
    {
        var email = TestEmails.Ready(TestEmails.Now) with
        {
            From = null, ReplyTo = null, MessageId = null, CustomArgs = null, SubjectVariant = null, ModelVersion = null, Arm = null,
        };

        var json = Serialize(email);

        AssertValid(json);
        var required = SchemaDocument()["required"]!.AsArray().Select(name => name!.GetValue<string>()).ToList();
        Assert.All(required, name => Assert.NotNull(json[name]));
        Assert.All(json.AsObject().Where(property => !required.Contains(property.Key)), property => Assert.Null(property.Value));
    }

    [Fact]
    public void Evaluate_schema_on_a_message_from_before_the_optional_fields_or_with_a_new_field_is_valid()
    {
        var json = Serialize(TestEmails.Ready(TestEmails.Now)).AsObject();
        foreach (var optional in new[] { "from", "replyTo", "messageId", "customArgs", "subjectVariant", "modelVersion", "arm" })
        {
            json.Remove(optional);
        }

        json["aFieldAddedLater"] = 1;

        AssertValid(json);
    }

    [Fact]
    public void Evaluate_schema_on_a_message_without_an_email_id_or_with_a_bad_send_at_is_invalid()
    {
        var withoutId = Serialize(TestEmails.Ready(TestEmails.Now)).AsObject();
        withoutId.Remove("emailId");
        var badSendAt = Serialize(TestEmails.Ready(TestEmails.Now)).AsObject();
        badSendAt["sendAt"] = "tomorrow at one";
        var numericHeader = Serialize(TestEmails.Ready(TestEmails.Now)).AsObject();
        numericHeader["headers"]!["X-Priority"] = 1;

        Assert.False(Evaluate(withoutId).IsValid);
        Assert.False(Evaluate(badSendAt).IsValid);
        Assert.False(Evaluate(numericHeader).IsValid);
    }

    [Fact]
    public async Task Publish_email_ready_puts_an_envelope_on_the_wire_like_the_documented_one()
    {
        await using var smtp = await TestSmtpServer.StartNewAsync();
        await using var host = await SampleSenderHarness.StartAsync(smtp.Port);
        var ct = TestContext.Current.CancellationToken;
        await host.PublishAsync(TestEmails.Ready(TestEmails.Now));
        var consumed = await host.Harness.Consumed.SelectAsync<EmailReady>(ct).FirstAsync(ct);

        var wire = JsonNode.Parse(consumed.Context.ReceiveContext.Body.GetBytes())!.AsObject();

        Assert.Equal("application/vnd.masstransit+json", consumed.Context.ReceiveContext.ContentType?.MediaType);
        AssertValid(wire["message"]!);
        Assert.Equal(wire["message"]!["eventId"]!.GetValue<string>(), wire["correlationId"]!.GetValue<string>());
        var documented = DocumentedEnvelope();
        // The concrete type first, then the shape every user's event shares, as documented.
        Assert.Equal(MessageTypes(documented), MessageTypes(wire));
        Assert.Equal(Keys(documented), Keys(wire));
        Assert.Equal(Keys(documented["host"]!), Keys(wire["host"]!));
        Assert.Equal(Keys(documented["message"]!), Keys(wire["message"]!));
    }

    [Fact]
    public void Evaluate_schema_on_the_documented_example_is_valid()
    {
        var documented = DocumentedEnvelope();

        AssertValid(documented["message"]!);
        Assert.Equal(["urn:message:Tailor.Contracts:EmailReady", "urn:message:Tailor.Contracts:IUserEvent"], MessageTypes(documented));
    }

    private static JsonNode Serialize(EmailReady email) =>
        JsonNode.Parse(JsonSerializer.Serialize(email, SystemTextJsonMessageSerializer.Options))!;

    private static JsonNode SchemaDocument() => JsonNode.Parse(File.ReadAllText(SchemaPath))!;

    private static EvaluationResults Evaluate(JsonNode json)
    {
        using var document = JsonDocument.Parse(json.ToJsonString());
        return Schema.Value.Evaluate(document.RootElement, Strict);
    }

    private static void AssertValid(JsonNode json)
    {
        var results = Evaluate(json);
        var errors = (results.Details ?? [])
            .Where(detail => detail.Errors is { Count: > 0 })
            .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Key} {error.Value}"));
        Assert.True(results.IsValid, string.Join("\n", errors));
    }

    /// <summary>The envelope example of docs/email-ready.md: its JSON block that has a <c>messageType</c>.</summary>
    private static JsonObject DocumentedEnvelope()
    {
        var markdown = File.ReadAllText(RepositoryFiles.Above("docs", "email-ready.md"));
        var block = JsonBlock().Matches(markdown).Select(match => match.Groups["json"].Value).Single(json => json.Contains("\"messageType\"", StringComparison.Ordinal));
        return JsonNode.Parse(block)!.AsObject();
    }

    private static List<string> MessageTypes(JsonNode envelope) => [.. envelope["messageType"]!.AsArray().Select(type => type!.GetValue<string>())];

    private static List<string> Keys(JsonNode node) => [.. node.AsObject().Select(property => property.Key).Order()];

    private static string JsonTypeOf(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "null",
        },
        _ => "null",
    };

    [GeneratedRegex("```json\\n(?<json>.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
