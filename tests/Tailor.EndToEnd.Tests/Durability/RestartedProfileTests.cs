using System.Text.Json;
using Tailor.Host.Demo;
using Tailor.Profiles;
using Tailor.Testing;

namespace Tailor.EndToEnd.Tests.Durability;

/// <summary>
/// The embedded mode keeps profiles in its process; a restarted <c>tailor serve</c> writes them back from the stores,
/// so every service's slice (contact, interests, topics, recommendations, send time) is there again.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class RestartedProfileTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);
    private readonly DirectoryInfo _state = Directory.CreateTempSubdirectory("tailor-e2e-restart-");

    [Fact]
    public async Task A_restarted_embedded_Tailor_has_every_users_profile_again()
    {
        var ct = TestContext.Current.CancellationToken;
        var plan = ReplayPlan.From(OnlineRetailReader.Read(DemoOptions.BundledSample).Take(300));
        var before = await PipelineRun.Isolated(async () =>
        {
            await using var first = PipelineRun.Embedded(_state);
            await first.RunAsync(plan, DateTimeOffset.UtcNow, ct);
            return await ProfilesAsync(first.Profiles, ct);
        });

        var after = await PipelineRun.Isolated(async () =>
        {
            await using var restarted = PipelineRun.Embedded(_state);
            await restarted.StartAsync(ct);
            await Polling.UntilAsync(async () => (await ProfilesAsync(restarted.Profiles, ct)).Values.Count(Complete) == before.Count, Patience, ct);
            return await ProfilesAsync(restarted.Profiles, ct);
        });

        Assert.InRange(before.Count, 5, 100);
        Assert.All(before.Values, profile => Assert.True(Complete(profile), $"user {profile.UserId} lacked a slice before the restart"));
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (userId, profile) in before)
        {
            Assert.Equal(Json(profile), Json(after[userId]));
        }
    }

    public void Dispose() => _state.Delete(recursive: true);

    private static bool Complete(UserProfile profile) =>
        profile is { Contact: not null, Interests: not null, Topics: not null, Recommendations: not null, SendTime: not null };

    // Interest and send-time slices are stamped when they are written; everything they say must be the same.
    private static string Json(UserProfile profile) =>
        JsonSerializer.Serialize(profile with
        {
            Interests = profile.Interests! with { UpdatedAt = default },
            SendTime = profile.SendTime! with { UpdatedAt = default },
        });

    private static async Task<Dictionary<string, UserProfile>> ProfilesAsync(IProfileCache cache, CancellationToken ct)
    {
        var profiles = new Dictionary<string, UserProfile>(StringComparer.Ordinal);
        await foreach (var userId in cache.ListUserIdsAsync(ct))
        {
            if (await cache.ReadAsync(userId, ct) is { } profile)
            {
                profiles[userId] = profile;
            }
        }

        return profiles;
    }
}
