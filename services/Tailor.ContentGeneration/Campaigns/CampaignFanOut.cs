using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tailor.ContentGeneration.Control;
using Tailor.ContentGeneration.Diagnostics;
using Tailor.Contracts;
using Tailor.Profiles;
using Tailor.Storage;

namespace Tailor.ContentGeneration.Campaigns;

/// <summary>
/// Turns a campaign into one <see cref="PersonalizeEmail"/> per user of its audience, each naming the user's arm of the
/// campaign's control test (<see cref="ControlGroup"/>), published in pages (<see cref="PersonalizeEmails"/>) of
/// <see cref="ContentGenerationOptions.PersonalizeBatchLimit"/> users.
/// </summary>
/// <remarks>
/// Each command's EventId derives from campaign id and user id. A fan-out that failed halfway is simply run again
/// (the users it already reached get the same commands, which their consumer skips as duplicates), and a campaign
/// whose fan-out finished is never fanned out twice, whatever EventId the repeated request carries. Two replicas that
/// take copies of one request at the same moment both fan it out (neither can tell the other from a fan-out that died
/// halfway); their commands carry the same ids, and each user's email is admitted, counted and sent once by id.
/// </remarks>
public sealed partial class CampaignFanOut(
    IDocumentStore documents,
    IProfileCache profiles,
    IOptions<ContentGenerationOptions> options,
    ContentGenerationMetrics metrics,
    TimeProvider clock,
    ILogger<CampaignFanOut> logger)
{
    /// <summary>
    /// Returns the finished campaign (how many users it went to, how many are held out), or null when another delivery
    /// of it already fanned it out, or finished doing so first.
    /// </summary>
    public async Task<CampaignRecord?> FanOutAsync(CampaignRequested campaign, IPublishEndpoint publisher, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(publisher);
        var existing = await documents.FindAsync<CampaignRecord>(ContentGenerationNames.CampaignsCollection, campaign.CampaignId, cancellationToken);
        if (existing?.FannedOutAt is not null)
        {
            return null;
        }

        // Stored once: when another replica stored a copy of the request first, its request is the campaign's.
        if (existing is null
            && !await documents.TryAddAsync(ContentGenerationNames.CampaignsCollection, campaign.CampaignId, new CampaignRecord(campaign, null, null), cancellationToken))
        {
            existing = await documents.FindAsync<CampaignRecord>(ContentGenerationNames.CampaignsCollection, campaign.CampaignId, cancellationToken);
            if (existing?.FannedOutAt is not null)
            {
                return null;
            }
        }

        // Resuming keeps the request as first stored, so every user of one campaign gets the same window and copy.
        var request = existing?.Request ?? campaign;

        var chunk = new List<PersonalizeEmail>(options.Value.FanOutChunkSize);
        var audience = new HashSet<string>(StringComparer.Ordinal);
        var control = 0;
        await foreach (var userId in Audience(request, cancellationToken))
        {
            if (!audience.Add(userId))
            {
                continue;
            }

            var command = Command(request, userId);
            control += command.Arm == CampaignArms.Control ? 1 : 0;
            chunk.Add(command);
            if (chunk.Count == options.Value.FanOutChunkSize)
            {
                await PublishPagesAsync(request, chunk, publisher, cancellationToken);
                chunk.Clear();
            }
        }

        await PublishPagesAsync(request, chunk, publisher, cancellationToken);
        var finished = new CampaignRecord(request, audience.Count, clock.GetUtcNow(), control);

        // Of two copies fanned out at once, the first to mark the campaign finished reports it (the metric, the logs):
        // the other published the same commands, which are skipped as duplicates, and says nothing twice.
        var markedHere = false;
        await documents.UpdateAsync<CampaignRecord>(ContentGenerationNames.CampaignsCollection, request.CampaignId, stored =>
        {
            markedHere = stored?.FannedOutAt is null;
            return markedHere ? finished : stored;
        }, cancellationToken);
        if (!markedHere)
        {
            return null;
        }

        metrics.FannedOut(audience.Count, request.CampaignId);
        if (audience.Count == 0)
        {
            // Ingestion accepted it without knowing the profiles, so this is the one place that can say why no email came.
            LogReachedNoUser(logger, request.CampaignId, request.Name, AudienceDescription.Of(request));
        }

        return finished;
    }

    [LoggerMessage(EventId = 6111, Level = LogLevel.Warning,
        Message = "Campaign {CampaignId} ('{CampaignName}') reached no user, so no email is written: nobody is in its audience ({Audience}). " +
            "Users have profiles once their events came in, topics once the topic model has been trained, groups once a group call named them.")]
    private static partial void LogReachedNoUser(ILogger logger, string campaignId, string campaignName, string audience);

    private Task PublishPagesAsync(CampaignRequested request, List<PersonalizeEmail> commands, IPublishEndpoint publisher, CancellationToken cancellationToken) =>
        commands.Count == 0
            ? Task.CompletedTask
            : publisher.PublishBatch(
                commands.Chunk(options.Value.PersonalizeBatchLimit)
                    .Select(page => new PersonalizeEmails(MessageIds.PersonalizeEmails(request.CampaignId, page[0].UserId), clock.GetUtcNow(), request.CampaignId, page)),
                cancellationToken);

    private async IAsyncEnumerable<string> Audience(CampaignRequested request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var users = request.UserIds is { } userIds ? userIds.ToAsyncEnumerable() : profiles.ListUserIdsAsync(cancellationToken);
        if (request.DominantTopic is null && request.GroupIds is null)
        {
            await foreach (var userId in users.WithCancellation(cancellationToken))
            {
                yield return userId;
            }

            yield break;
        }

        // A filtered audience reads each user's profile: a page of users per round trip, not one user per round trip.
        await foreach (var page in users.Chunk(options.Value.FanOutChunkSize).WithCancellation(cancellationToken))
        {
            var pageProfiles = await profiles.ReadManyAsync(page, AudienceSlices, cancellationToken);
            for (var index = 0; index < page.Length; index++)
            {
                if (Matches(request, pageProfiles[index]))
                {
                    yield return page[index];
                }
            }
        }
    }

    private static readonly string[] AudienceSlices = [TopicsSlice.SliceName, ContactSlice.SliceName];

    // Read from the user's profile as Topic and Ingestion wrote it: a user the topic model has not seen yet, or who no
    // group call named, is not in an audience that asks for one.
    private static bool Matches(CampaignRequested request, UserProfile? profile) =>
        (request.DominantTopic is not { } topic
            || string.Equals(profile?.Topics?.DominantLabel?.Trim(), topic.Trim(), StringComparison.OrdinalIgnoreCase))
        && (request.GroupIds is not { } groups
            || profile?.Contact?.GroupIds?.Any(groupId => groups.Contains(groupId, StringComparer.Ordinal)) == true);

    private PersonalizeEmail Command(CampaignRequested request, string userId) =>
        new(
            MessageIds.PersonalizeEmail(request.CampaignId, userId),
            userId,
            clock.GetUtcNow(),
            request.CampaignId,
            request.Name,
            request.Goal,
            request.SendWindowStart,
            request.SendWindowEnd,
            request.CampaignType,
            request.Sections)
        {
            CampaignRequestedAt = request.OccurredAt,
            Arm = ControlGroup.Arm(request.CampaignId, userId, request.ControlShare),
        };
}
