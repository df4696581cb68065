using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Tailor.ContentGeneration.Composition;
using Tailor.ContentGeneration.Diagnostics;
using Tailor.ContentGeneration.Generation;
using Tailor.ContentGeneration.Subjects;
using Tailor.Contracts;
using Tailor.Links;
using static Tailor.ContentGeneration.Tests.FakeChatCompletionsServer;

namespace Tailor.ContentGeneration.Tests;

/// <summary>The language model path against a real HTTP server speaking the OpenAI chat completions protocol.</summary>
public sealed class LanguageModelWriterTests
{
    private static readonly IReadOnlyList<RecommendedItem> Items = OnlineRetailProducts.First(3);
    private static readonly ContentGenerationOptions Settings = new();

    [Fact]
    public async Task Write_good_json_is_laid_out_by_tailor_with_the_models_subject_and_the_catalogs_prices()
    {
        await using var server = await StartAsync(Reply.Draft(GoodDraft(Items)));
        using var model = Writer(server);

        var written = await EmailWriter(model).WriteAsync("autumn-1", Facts("Anna"), TestContext.Current.CancellationToken);

        Assert.Equal(ContentGenerationNames.LanguageModelGenerator, written.Generator);
        Assert.Equal("openai/test-model", written.ModelVersion);
        Assert.Contains(written.Email.Subject, GoodDraft(Items).Subjects);
        Assert.Equal(GoodDraft(Items).Subjects, written.Subject?.Subjects);
        Assert.Contains("Hi Anna,", written.Email.TextBody, StringComparison.Ordinal);
        Assert.Contains("We picked these with you in mind.", written.Email.TextBody, StringComparison.Ordinal);
        Assert.All(Items, item => Assert.Contains($"£{item.Price.ToString("N2", System.Globalization.CultureInfo.InvariantCulture)}", written.Email.TextBody, StringComparison.Ordinal));
        Assert.Equal(Items.Select(item => item.ItemId), written.Email.ItemIds);

        // One request: JSON schema response format, the rules as the system message, the facts as quoted data: the
        // reader's first name and history, the sections, and each product's name as printed, section and reason.
        var request = Assert.Single(server.Requests);
        Assert.Equal("json_schema", request["response_format"]?["type"]?.GetValue<string>());
        var messages = request["messages"]!.AsArray();
        Assert.Equal("system", messages[0]!["role"]!.GetValue<string>());
        var data = messages[1]!["content"]!.ToString();
        Assert.StartsWith("<data>", data, StringComparison.Ordinal);
        Assert.Contains(Items[0].ItemId, data, StringComparison.Ordinal);
        var facts = JsonNode.Parse(data["<data>".Length..data.LastIndexOf("</data>", StringComparison.Ordinal)])!;
        Assert.Equal("Anna", facts["customer"]?["firstName"]?.GetValue<string>());
        Assert.Equal("Has not ordered any of these products before.", facts["customer"]?["history"]?.GetValue<string>());
        Assert.Equal("New for you", facts["sections"]?[0]?.GetValue<string>());
        var product = facts["products"]![0]!;
        Assert.Equal(Copy.ProductNames.Natural(Items[0].Title), product["name"]?.GetValue<string>());
        Assert.Equal("New for you", product["section"]?.GetValue<string>());
        Assert.Equal(Copy.ReasonWords.For(Items[0], "heart & t-light holder"), product["reason"]?.GetValue<string>());
        Assert.NotNull(product["reason"]);
        Assert.Equal((1, 420), model.SpentBy("autumn-1"));
    }

    [Fact]
    public void The_history_the_model_reads_says_once_and_how_many_times_as_the_orders_were()
    {
        EmailFacts facts = new(Guid.NewGuid(), "Anna", null,
        [
            Items[0] with { ReasonKind = ReasonKinds.BuyAgain, TimesBought = 1 },
            Items[1] with { ReasonKind = ReasonKinds.BuyAgain, TimesBought = 4, ReorderInterval = TimeSpan.FromDays(30) },
        ], "Autumn favourites");

        var history = Generation.CopyFacts.From(facts, Settings.BrandName, "warm", price => $"£{price:N2}").Customer?.History;

        Assert.Equal(
            $"Has ordered 2 of these products before: {Copy.ProductNames.InSentence(Items[0].Title)} (once); "
                + $"{Copy.ProductNames.InSentence(Items[1].Title)} (4 times, every few weeks).",
            history);
    }

    [Fact]
    public async Task Write_malformed_json_is_asked_again_with_the_problem_and_accepted_the_second_time()
    {
        await using var server = await StartAsync(Reply.Content("Sure! Here is your email: {subjects: ["), Reply.Draft(GoodDraft(Items)));
        using var model = Writer(server);

        var copy = await model.WriteAsync("autumn-1", CopyFacts(), TestContext.Current.CancellationToken);

        Assert.NotNull(copy);
        Assert.Equal(2, server.Requests.Count);
        Assert.Contains("rejected", LastUserMessage(server), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_draft_naming_a_product_it_was_not_given_falls_back_to_the_template_composer()
    {
        var hallucinated = GoodDraft(Items) with { CallsToAction = [new CallToAction("99999Z", "See our bestseller")] };
        await using var server = await StartAsync(Reply.Draft(hallucinated));
        using var model = Writer(server);

        var written = await EmailWriter(model).WriteAsync("autumn-1", Facts("Anna"), TestContext.Current.CancellationToken);

        Assert.Equal(ContentGenerationNames.TemplateGenerator, written.Generator);
        Assert.Null(written.ModelVersion);
        Assert.Equal(2, server.Requests.Count);
        Assert.Contains("99999Z", LastUserMessage(server), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_refused_by_the_provider_logs_its_status_but_not_its_words_which_may_quote_the_key()
    {
        var logs = new FakeLogCollector();
        using var loggers = LoggerFactory.Create(logging => logging.AddProvider(new FakeLoggerProvider(logs)));
        await using var server = await StartAsync(Reply.Status(401, "Incorrect API key provided: test-***-key. You can find your API key at https://platform.openai.com/account/api-keys."));
        using var model = Writer(server, loggers: loggers);

        Assert.Null(await model.WriteAsync("autumn-1", CopyFacts(), TestContext.Current.CancellationToken));

        var failed = Assert.Single(logs.GetSnapshot(), record => record.Id.Id == 6121);
        Assert.Contains("HTTP 401", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("***", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_draft_refused_twice_logs_what_was_wrong_without_the_drafts_words_to_the_reader()
    {
        var logs = new FakeLogCollector();
        using var loggers = LoggerFactory.Create(logging => logging.AddProvider(new FakeLoggerProvider(logs)));
        var greeting = GoodDraft(Items) with { Subjects = ["Anna, act now for your picks"] };
        await using var server = await StartAsync(Reply.Draft(greeting), Reply.Draft(greeting));
        using var model = Writer(server, loggers: loggers);

        Assert.Null(await model.WriteAsync("autumn-1", CopyFacts(), TestContext.Current.CancellationToken));

        // The model is asked again with the subject quoted, so it can mend it; the log says what was wrong, not to whom.
        Assert.Contains("\"Anna, act now for your picks\"", LastUserMessage(server), StringComparison.Ordinal);
        var rejected = logs.GetSnapshot().Where(record => record.Id.Id == 6122).ToList();
        Assert.Equal(2, rejected.Count);
        Assert.All(rejected, record => Assert.Contains("\"…\" uses \"act now\"", record.Message, StringComparison.Ordinal));
        Assert.DoesNotContain(rejected, record => record.Message.Contains("Anna", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("You have bought this 7 times")]
    [InlineData("{first_name}, your picks are here")]
    [InlineData("[Name], your picks are here")]
    [InlineData("Chosen from what you love")]
    [InlineData("Fresh picks for your home")]
    public void Checks_reject_order_counts_placeholders_and_repeated_subjects_the_facts_do_not_back(string subject)
    {
        // The facts know no order count; the last two repeat the preheader or the other subject.
        var problems = DraftChecks.Problems(GoodDraft(Items) with { Subjects = [subject, "Fresh picks for your home"] }, CopyFacts());

        Assert.NotEmpty(problems);
    }

    [Theory]
    [InlineData("Save 20% today")]
    [InlineData("Only £1.00 for the set")]
    [InlineData("Visit https://evil.example now")]
    [InlineData("FANTASTIC picks inside")]
    [InlineData("Free delivery on everything")]
    public void Checks_reject_claims_prices_links_and_shouting_the_facts_do_not_support(string subject)
    {
        var problems = DraftChecks.Problems(GoodDraft(Items) with { Subjects = [subject] }, CopyFacts());

        Assert.Contains(problems, problem => problem.Contains(subject, StringComparison.Ordinal));
    }

    [Fact]
    public void Checks_accept_a_price_that_is_one_of_the_given_products()
    {
        var facts = CopyFacts();

        Assert.Empty(DraftChecks.Problems(GoodDraft(Items) with { Subjects = [$"Yours for {facts.Products[0].Price}"] }, facts));
    }

    [Fact]
    public async Task Write_retries_a_429_and_a_timeout_and_gives_up_to_the_template_when_the_model_stays_slow()
    {
        await using var retried = await StartAsync(Reply.Status(429), Reply.Draft(GoodDraft(Items)));
        using var patient = Writer(retried);
        Assert.NotNull(await patient.WriteAsync("autumn-1", CopyFacts(), TestContext.Current.CancellationToken));
        Assert.Equal(2, retried.Requests.Count);

        await using var slow = await StartAsync(Reply.Slow(TimeSpan.FromSeconds(30), Reply.Draft(GoodDraft(Items))));
        using var impatient = Writer(slow, options => options.Timeout = TimeSpan.FromSeconds(1));
        var started = DateTime.UtcNow;

        Assert.Null(await impatient.WriteAsync("autumn-1", CopyFacts(), TestContext.Current.CancellationToken));
        Assert.Equal(2, slow.Requests.Count);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Write_reuses_copy_for_the_same_segment_and_products_and_stops_at_the_campaigns_budget()
    {
        await using var server = await StartAsync(Reply.Draft(GoodDraft(Items)));
        using var model = Writer(server, options => options.MaxCallsPerCampaign = 1);
        var ct = TestContext.Current.CancellationToken;

        var first = await EmailWriter(model).WriteAsync("autumn-1", Facts("Anna"), ct);
        // The first name is one of the facts (LanguageModelOptions.ShareFirstName), so the same facts means the same name.
        var second = await EmailWriter(model).WriteAsync("autumn-1", Facts("Anna") with { EmailId = Guid.NewGuid() }, ct);
        var otherSegment = await model.WriteAsync("autumn-1", CopyFacts() with { Segment = "candles" }, ct);

        Assert.Equal(ContentGenerationNames.LanguageModelGenerator, second.Generator);
        Assert.Equal(first.Email.Preheader, second.Email.Preheader);
        Assert.Null(otherSegment);
        Assert.Single(server.Requests);
    }

    [Fact]
    public void Options_without_a_model_or_key_fail_validation_with_the_setting_named()
    {
        var problems = new LanguageModelOptions { Provider = LanguageModelProvider.OpenAI }.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(new object())).ToList();

        Assert.Contains(problems, problem => problem.MemberNames.Contains(nameof(LanguageModelOptions.Model)));
        Assert.Contains(problems, problem => problem.MemberNames.Contains(nameof(LanguageModelOptions.ApiKey)));
        Assert.Empty(new LanguageModelOptions().Validate(new System.ComponentModel.DataAnnotations.ValidationContext(new object())));
    }

    [Fact]
    public void Options_for_a_local_onnx_model_need_a_model_folder_and_a_missing_native_library_is_named()
    {
        var context = new System.ComponentModel.DataAnnotations.ValidationContext(new object());
        var missing = new LanguageModelOptions { Provider = LanguageModelProvider.OnnxGenAI, ModelPath = "/nonexistent/phi" };
        Assert.Contains(missing.Validate(context), problem => problem.MemberNames.Contains(nameof(LanguageModelOptions.ModelPath)));

        var folder = Directory.CreateTempSubdirectory("tailor-genai-");
        File.WriteAllText(Path.Combine(folder.FullName, "genai_config.json"), "{}");
        var configured = new LanguageModelOptions { Provider = LanguageModelProvider.OnnxGenAI, ModelPath = folder.FullName };
        Assert.Empty(configured.Validate(context));
        Assert.Equal($"onnxgenai/{folder.Name}", ChatClientFactory.ModelVersion(configured));

        // This machine has no onnxruntime-genai native library (and the folder holds no model): starting says which is missing.
        var error = Record.Exception(() => ChatClientFactory.Create(configured, NullLoggerFactory.Instance, TimeProvider.System));
        Assert.NotNull(error);
        Assert.True(
            error is InvalidOperationException { Message: var message } && message.Contains("onnxruntime-genai", StringComparison.Ordinal)
            || error.GetType().Namespace?.StartsWith("Microsoft.ML.OnnxRuntimeGenAI", StringComparison.Ordinal) == true,
            error.ToString());
    }

    internal static EmailCopyDraft GoodDraft(IReadOnlyList<RecommendedItem> items) => new(
        ["Fresh picks for your home", "Something new for the home"],
        "Chosen from what you love",
        ["We picked these with you in mind."],
        [.. items.Select(item => new CallToAction(item.ItemId, "See it"))]);

    internal static LanguageModelWriter Writer(FakeChatCompletionsServer server, Action<LanguageModelOptions>? configure = null, ILoggerFactory? loggers = null)
    {
        var options = new LanguageModelOptions
        {
            Provider = LanguageModelProvider.OpenAI,
            Endpoint = server.Endpoint,
            Model = "test-model",
            ApiKey = "test-key",
            MaxAttempts = 2,
            Timeout = TimeSpan.FromSeconds(10),
            RequestsPerSecond = 1_000,
        };
        configure?.Invoke(options);
        var meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
        return new LanguageModelWriter(Options.Create(options), new ContentGenerationMetrics(meters), loggers ?? NullLoggerFactory.Instance, TimeProvider.System);
    }

    private static EmailWriter EmailWriter(LanguageModelWriter model)
    {
        var links = new EmailLinks(Options.Create(Settings), new LinkSignature(LinkSigningOptions.DevelopmentKey));
        var layout = new EmailLayout(Options.Create(Settings), links);
        var bandit = new SubjectBandit(SubjectBanditTests.Store(), Options.Create(new SubjectBanditOptions()), NullLogger<SubjectBandit>.Instance);
        return new EmailWriter(new TemplateComposer(Options.Create(Settings), layout), layout, model, bandit, Options.Create(Settings), Options.Create(new LanguageModelOptions()));
    }

    private static EmailFacts Facts(string firstName) => new(Guid.NewGuid(), firstName, "heart & t-light holder", Items, "Autumn favourites", "Bring customers back");

    private static CopyFacts CopyFacts() =>
        Generation.CopyFacts.From(Facts("Anna"), Settings.BrandName, "warm", price => $"£{price:N2}");

    private static string LastUserMessage(FakeChatCompletionsServer server) =>
        server.Requests.Last()["messages"]!.AsArray().Last()!["content"]!.ToString();
}
