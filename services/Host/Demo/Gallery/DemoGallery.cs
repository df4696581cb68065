using Tailor.Contracts;
using Tailor.Profiles;

namespace Tailor.Host.Demo.Gallery;

/// <summary>Puts each email beside its customer's facts and writes the gallery page, <c>index.html</c>.</summary>
public static class DemoGallery
{
    public const string FileName = "index.html";

    /// <param name="schedule">The send schedule ContentGeneration placed the sends by, to tell why each hour won.</param>
    public static IReadOnlyList<GalleryCard> Cards(
        IEnumerable<EmailReady> emails, IReadOnlyDictionary<string, CustomerFacts> facts, GalleryCampaign campaign, SendSchedule schedule) =>
        [.. emails.Select(email =>
        {
            var customer = facts.GetValueOrDefault(email.UserId) ?? CustomerFacts.Unknown(email.UserId);
            var sendTime = SendTimeStory.Tell(customer.SendTime, email.SendAt, campaign.WindowStart, campaign.WindowEnd, schedule);
            return new GalleryCard(email, customer, sendTime, DemoOutputWriter.PreviewPath(email.UserId));
        })];

    public static Task WriteAsync(GalleryCampaign campaign, DemoSummary summary, IReadOnlyList<GalleryCard> cards, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(Path.Combine(summary.Output.FullName, FileName), GalleryPage.Render(campaign, summary, cards), cancellationToken);
}
