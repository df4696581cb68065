using Tailor.Contracts;

namespace Tailor.Host.Demo.Gallery;

/// <summary>One email of the gallery beside the facts that made it.</summary>
/// <param name="PreviewHref">The email's HTML preview, relative to the gallery page (<c>previews/{user}.html</c>).</param>
public sealed record GalleryCard(EmailReady Email, CustomerFacts Facts, SendTimeStory SendTime, string PreviewHref)
{
    /// <summary>The email went to a reader held out in the campaign's control group: bestsellers, at the default hour.</summary>
    public bool IsControl => Email.Arm == CampaignArms.Control;
}

/// <summary>The campaign the gallery shows, as the demo asked for it.</summary>
public sealed record GalleryCampaign(string Id, string Name, string Goal, DateTimeOffset WindowStart, DateTimeOffset WindowEnd);
