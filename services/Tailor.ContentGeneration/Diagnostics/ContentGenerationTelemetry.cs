using System.Diagnostics;
using Tailor.ContentGeneration.Frequency;

namespace Tailor.ContentGeneration.Diagnostics;

/// <summary>The name of ContentGeneration's traces and metrics, one of the <c>Tailor.*</c> sources every host exports.</summary>
public static class ContentGenerationTelemetry
{
    public const string Name = "Tailor.ContentGeneration";

    public const string GeneratorTag = "tailor.generator";
    public const string ReasonTag = "tailor.suppression.reason";
    public const string CampaignTag = "tailor.campaign.id";
    public const string CampaignTypeTag = "tailor.campaign.type";
    public const string FatigueStateTag = "tailor.fatigue.state";

    public static readonly ActivitySource Source = new(Name);

    /// <summary>The value of <see cref="FatigueStateTag"/> on spans and metrics.</summary>
    public static string FatigueStateName(FatigueState state) => state switch
    {
        FatigueState.Saturated => "saturated",
        FatigueState.Undersaturated => "undersaturated",
        _ => "on-target",
    };
}
