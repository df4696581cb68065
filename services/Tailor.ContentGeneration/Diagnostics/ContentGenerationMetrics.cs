using System.Diagnostics.Metrics;
using Tailor.ContentGeneration.Frequency;

namespace Tailor.ContentGeneration.Diagnostics;

/// <summary>Emails written (by generator), emails suppressed (by reason), users' fatigue states, campaign fan-out, and model copy requests and tokens.</summary>
public sealed class ContentGenerationMetrics
{
    private readonly Counter<long> _composed;
    private readonly Counter<long> _suppressed;
    private readonly Counter<long> _commands;
    private readonly Counter<long> _fatigue;
    private readonly Counter<long> _generations;
    private readonly Counter<long> _tokens;
    private readonly Histogram<double> _campaignToEmail;

    public ContentGenerationMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(ContentGenerationTelemetry.Name);
        _composed = meter.CreateCounter<long>(
            EmailsComposedName, "{email}", "Emails written and published as EmailReady.");
        _suppressed = meter.CreateCounter<long>(
            "tailor.contentgeneration.emails_suppressed", "{email}", "Emails not written, by suppression reason.");
        _commands = meter.CreateCounter<long>(
            PersonalizeCommandsName, "{command}", "PersonalizeEmail commands published by campaign fan-out.");
        _fatigue = meter.CreateCounter<long>(
            "tailor.contentgeneration.fatigue_assessments", "{email}", "Emails checked against frequency caps, by the user's fatigue state and the cap's campaign type.");
        _generations = meter.CreateCounter<long>(
            "tailor.contentgeneration.generations", "{request}", "Requests for model-written copy, by outcome (accepted, accepted-on-retry, cache-hit, rejected, model-failed, over-budget).");
        _tokens = meter.CreateCounter<long>(
            "tailor.contentgeneration.model_tokens", "{token}", "Language model tokens spent, by direction (input, output) and model.");
        _campaignToEmail = meter.CreateHistogram<double>(
            CampaignToEmailName, "s", "Time from a campaign's request to each of its EmailReady messages being written.");
    }

    public const string CampaignToEmailName = "tailor.contentgeneration.campaign_to_email.duration";

    public const string EmailsComposedName = "tailor.contentgeneration.emails_composed";

    public const string PersonalizeCommandsName = "tailor.contentgeneration.personalize_commands";

    public void CampaignToEmail(TimeSpan elapsed) => _campaignToEmail.Record(Math.Max(0, elapsed.TotalSeconds));

    public void Generation(string outcome) =>
        _generations.Add(1, new KeyValuePair<string, object?>("tailor.generation.outcome", outcome));

    public void Tokens(long input, long output, string model)
    {
        var modelTag = new KeyValuePair<string, object?>("gen_ai.request.model", model);
        _tokens.Add(input, new KeyValuePair<string, object?>("gen_ai.token.type", "input"), modelTag);
        _tokens.Add(output, new KeyValuePair<string, object?>("gen_ai.token.type", "output"), modelTag);
    }

    // By campaign as well: the alert on a campaign that produced no EmailReady (deploy/prometheus/alerts.yml) compares
    // these two counters campaign by campaign.
    public void Composed(string generator, string campaignId) =>
        _composed.Add(
            1,
            new KeyValuePair<string, object?>(ContentGenerationTelemetry.GeneratorTag, generator),
            new KeyValuePair<string, object?>(ContentGenerationTelemetry.CampaignTag, campaignId));

    public void Suppressed(string reason) =>
        _suppressed.Add(1, new KeyValuePair<string, object?>(ContentGenerationTelemetry.ReasonTag, reason));

    public void FannedOut(int commands, string campaignId) =>
        _commands.Add(commands, new KeyValuePair<string, object?>(ContentGenerationTelemetry.CampaignTag, campaignId));

    public void Assessed(FatigueState state, string capType) =>
        _fatigue.Add(
            1,
            new KeyValuePair<string, object?>(ContentGenerationTelemetry.FatigueStateTag, ContentGenerationTelemetry.FatigueStateName(state)),
            new KeyValuePair<string, object?>(ContentGenerationTelemetry.CampaignTypeTag, capType));
}
