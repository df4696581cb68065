using System.Diagnostics;

namespace Tailor.ContentGeneration.Diagnostics;

/// <summary>The name of ContentGeneration's traces and metrics, one of the <c>Tailor.*</c> sources every host exports.</summary>
public static class ContentGenerationTelemetry
{
    public const string Name = "Tailor.ContentGeneration";

    public const string GeneratorTag = "tailor.generator";
    public const string ReasonTag = "tailor.suppression.reason";
    public const string CampaignTag = "tailor.campaign.id";

    public static readonly ActivitySource Source = new(Name);
}
