namespace Tailor.Profiles.Tests;

/// <summary>What every <see cref="IProfileCache"/> must do; each adapter runs these against a cache of its own.</summary>
public abstract class ProfileCacheContractTests
{
    private static readonly DateTimeOffset UpdatedAt = new(2010, 12, 1, 8, 26, 0, TimeSpan.Zero);

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A new, empty cache (skips the test when the adapter's server is not there).</summary>
    protected abstract IProfileCache CreateCache();

    [Fact]
    public async Task Read_of_a_user_without_slices_returns_null()
    {
        var cache = CreateCache();

        Assert.Null(await cache.ReadAsync("17850", Token));
    }

    [Fact]
    public async Task Write_one_slice_reads_back_with_the_other_slices_null()
    {
        var cache = CreateCache();
        var (userId, country, _) = RetailCustomers.First(1)[0];
        var contact = new ContactSlice("customer@example.com", "Ann", country, "Europe/London", EmailConsent: true, UpdatedAt);

        await cache.WriteSliceAsync(userId, contact, Token);

        var profile = await cache.ReadAsync(userId, Token);
        Assert.NotNull(profile);
        Assert.Equal(userId, profile.UserId);
        Assert.Equal(contact, profile.Contact);
        Assert.Null(profile.Interests);
        Assert.Null(profile.Topics);
        Assert.Null(profile.Recommendations);
        Assert.Null(profile.SendTime);
    }

    [Fact]
    public async Task Write_every_slice_reads_each_back_whole()
    {
        var cache = CreateCache();
        var (userId, country, items) = RetailCustomers.First(1)[0];
        var contact = new ContactSlice(null, null, country, null, EmailConsent: false, UpdatedAt);
        var interests = new InterestsSlice("all-MiniLM-L6-v2", "24.9.52193", [0.125f, -0.5f, 0.0625f], items.Count, UpdatedAt);
        var topics = new TopicsSlice("lda-3", [0.7, 0.2, 0.1], DominantTopic: 0, "home decor", UpdatedAt);
        var recommendations = new RecommendationsSlice("als-7", items, UpdatedAt);
        var sendTime = SendTimeAt(bestHour: 8);

        await cache.WriteSliceAsync(userId, contact, Token);
        await cache.WriteSliceAsync(userId, interests, Token);
        await cache.WriteSliceAsync(userId, topics, Token);
        await cache.WriteSliceAsync(userId, recommendations, Token);
        await cache.WriteSliceAsync(userId, sendTime, Token);

        var profile = (await cache.ReadAsync(userId, Token))!;
        Assert.Equal(contact, profile.Contact);
        Assert.Equal(interests.Vector, profile.Interests!.Vector);
        Assert.Equal((interests.Model, interests.ModelVersion, interests.EvidenceCount, interests.UpdatedAt), (profile.Interests.Model, profile.Interests.ModelVersion, profile.Interests.EvidenceCount, profile.Interests.UpdatedAt));
        Assert.Equal(topics.Mixture, profile.Topics!.Mixture);
        Assert.Equal((topics.DominantTopic, topics.DominantLabel), (profile.Topics.DominantTopic, profile.Topics.DominantLabel));
        Assert.Equal(items, profile.Recommendations!.Items);
        Assert.Equal(sendTime.HourOfWeekWeights, profile.SendTime!.HourOfWeekWeights);
        Assert.Equal(sendTime.BestHourOfWeek, profile.SendTime.BestHourOfWeek);
    }

    [Fact]
    public async Task Write_of_the_same_slice_again_keeps_the_latest()
    {
        var cache = CreateCache();
        var (userId, _, items) = RetailCustomers.First(1)[0];
        await cache.WriteSliceAsync(userId, new RecommendationsSlice("als-1", items, UpdatedAt), Token);

        await cache.WriteSliceAsync(userId, new RecommendationsSlice("als-2", items.Take(1).ToList(), UpdatedAt.AddDays(1)), Token);

        var recommendations = (await cache.ReadAsync(userId, Token))!.Recommendations!;
        Assert.Equal("als-2", recommendations.ModelVersion);
        Assert.Equal(items[0], Assert.Single(recommendations.Items));
    }

    [Fact]
    public async Task Write_of_one_slice_keeps_the_others()
    {
        var cache = CreateCache();
        var (userId, country, items) = RetailCustomers.First(1)[0];
        await cache.WriteSliceAsync(userId, new ContactSlice(null, null, country, null, true, UpdatedAt), Token);
        await cache.WriteSliceAsync(userId, new RecommendationsSlice("als-1", items, UpdatedAt), Token);

        await cache.WriteSliceAsync(userId, SendTimeAt(bestHour: 20), Token);

        var profile = (await cache.ReadAsync(userId, Token))!;
        Assert.Equal(country, profile.Contact!.Country);
        Assert.Equal("als-1", profile.Recommendations!.ModelVersion);
        Assert.Equal(20, profile.SendTime!.BestHourOfWeek);
    }

    [Fact]
    public async Task Write_of_different_slices_concurrently_keeps_them_all()
    {
        var cache = CreateCache();
        var customers = RetailCustomers.First(60);

        // Each user's slices come from different services at once, as they do in a running system.
        await Task.WhenAll(customers.SelectMany(customer => new[]
        {
            Task.Run(() => cache.WriteSliceAsync(customer.UserId, new ContactSlice(null, null, customer.Country, null, true, UpdatedAt), Token), Token),
            Task.Run(() => cache.WriteSliceAsync(customer.UserId, new RecommendationsSlice("als-1", customer.Items, UpdatedAt), Token), Token),
            Task.Run(() => cache.WriteSliceAsync(customer.UserId, SendTimeAt(bestHour: 9), Token), Token),
        }));

        foreach (var customer in customers)
        {
            var profile = (await cache.ReadAsync(customer.UserId, Token))!;
            Assert.Equal(customer.Country, profile.Contact!.Country);
            Assert.Equal(customer.Items.Count, profile.Recommendations!.Items.Count);
            Assert.Equal(9, profile.SendTime!.BestHourOfWeek);
        }
    }

    [Fact]
    public async Task ReadMany_returns_each_profile_in_the_order_asked_with_null_for_users_without_one()
    {
        var cache = CreateCache();
        var customers = RetailCustomers.First(40);
        foreach (var customer in customers)
        {
            await cache.WriteSliceAsync(customer.UserId, new ContactSlice($"{customer.UserId}@example.com", null, customer.Country, null, true, UpdatedAt), Token);
            await cache.WriteSliceAsync(customer.UserId, new RecommendationsSlice("als-1", customer.Items, UpdatedAt), Token);
        }

        // Reversed, with a user who has no profile in the middle and one user asked for twice, as a batch may hold.
        string[] asked = [.. customers.Select(customer => customer.UserId).Reverse().Take(20), "nobody", .. customers.Select(customer => customer.UserId).Take(20), customers[0].UserId];

        var profiles = await cache.ReadManyAsync(asked, cancellationToken: Token);

        Assert.Equal(asked.Length, profiles.Count);
        for (var index = 0; index < asked.Length; index++)
        {
            var customer = customers.SingleOrDefault(customer => customer.UserId == asked[index]);
            if (customer.UserId is null)
            {
                Assert.Null(profiles[index]);
                continue;
            }

            Assert.Equal((customer.UserId, $"{customer.UserId}@example.com", customer.Country), (profiles[index]!.UserId, profiles[index]!.Contact!.Email, profiles[index]!.Contact!.Country));
            Assert.Equal(customer.Items, profiles[index]!.Recommendations!.Items);
        }

        Assert.Empty(await cache.ReadManyAsync([], cancellationToken: Token));
    }

    [Fact]
    public async Task ReadMany_of_some_slices_returns_those_alone_and_no_profile_for_a_user_with_none_of_them()
    {
        var cache = CreateCache();
        var customer = RetailCustomers.First(1)[0];
        await cache.WriteSliceAsync(customer.UserId, new ContactSlice("ada@example.com", "Ada", customer.Country, null, true, UpdatedAt), Token);
        await cache.WriteSliceAsync(customer.UserId, new RecommendationsSlice("als-1", customer.Items, UpdatedAt), Token);
        await cache.WriteSliceAsync(customer.UserId, new InterestsSlice("minilm", "1", [0.6f, 0.8f], 1, UpdatedAt), Token);
        await cache.WriteSliceAsync("interests-only", new InterestsSlice("minilm", "1", [1f, 0f], 1, UpdatedAt), Token);

        var profiles = await cache.ReadManyAsync(
            [customer.UserId, "interests-only", "nobody"], [ContactSlice.SliceName, RecommendationsSlice.SliceName], Token);

        Assert.Equal("ada@example.com", profiles[0]!.Contact!.Email);
        Assert.Equal(customer.Items, profiles[0]!.Recommendations!.Items);
        Assert.Null(profiles[0]!.Interests);
        Assert.Null(profiles[1]);
        Assert.Null(profiles[2]);
        Assert.NotNull((await cache.ReadManyAsync([customer.UserId], cancellationToken: Token))[0]!.Interests);
    }

    [Fact]
    public async Task WriteSlices_writes_each_users_slice_keeps_their_others_and_lists_them_once()
    {
        var cache = CreateCache();
        var customers = RetailCustomers.First(30);
        await cache.WriteSliceAsync(customers[0].UserId, SendTimeAt(bestHour: 9), Token);

        await cache.WriteSlicesAsync(
            [.. customers.Select(customer => KeyValuePair.Create(customer.UserId, new RecommendationsSlice("als-2", customer.Items, UpdatedAt)))], Token);

        var profiles = await cache.ReadManyAsync([.. customers.Select(customer => customer.UserId)], cancellationToken: Token);
        Assert.All(customers.Zip(profiles), pair => Assert.Equal(pair.First.Items, pair.Second?.Recommendations?.Items));
        Assert.Equal(9, profiles[0]!.SendTime?.BestHourOfWeek);
        var listed = await cache.ListUserIdsAsync(Token).ToListAsync(Token);
        Assert.Equal(customers.Select(c => c.UserId).Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListUserIds_returns_every_user_with_a_slice_once()
    {
        var cache = CreateCache();
        var customers = RetailCustomers.First(25);
        foreach (var customer in customers)
        {
            await cache.WriteSliceAsync(customer.UserId, new RecommendationsSlice("als-1", customer.Items, UpdatedAt), Token);
            await cache.WriteSliceAsync(customer.UserId, SendTimeAt(bestHour: 10), Token);
        }

        var listed = await cache.ListUserIdsAsync(Token).ToListAsync(Token);

        Assert.Equal(customers.Select(c => c.UserId).Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Remove_deletes_the_profile_and_its_listing_only()
    {
        var cache = CreateCache();
        var customers = RetailCustomers.First(2);
        foreach (var customer in customers)
        {
            await cache.WriteSliceAsync(customer.UserId, new RecommendationsSlice("als-1", customer.Items, UpdatedAt), Token);
        }

        await cache.RemoveAsync(customers[0].UserId, Token);

        Assert.Null(await cache.ReadAsync(customers[0].UserId, Token));
        Assert.NotNull(await cache.ReadAsync(customers[1].UserId, Token));
        Assert.Equal([customers[1].UserId], await cache.ListUserIdsAsync(Token).ToListAsync(Token));
    }

    [Fact]
    public async Task Remove_slice_deletes_that_slice_only_and_twice_is_harmless()
    {
        var cache = CreateCache();
        var (userId, country, items) = RetailCustomers.First(1)[0];
        await cache.WriteSliceAsync(userId, new ContactSlice(null, null, country, null, true, UpdatedAt), Token);
        await cache.WriteSliceAsync(userId, new RecommendationsSlice("als-1", items, UpdatedAt), Token);

        await cache.RemoveSliceAsync(userId, RecommendationsSlice.SliceName, Token);
        await cache.RemoveSliceAsync(userId, RecommendationsSlice.SliceName, Token);
        await cache.RemoveSliceAsync("nobody", RecommendationsSlice.SliceName, Token);

        var profile = (await cache.ReadAsync(userId, Token))!;
        Assert.Null(profile.Recommendations);
        Assert.Equal(country, profile.Contact!.Country);
        await cache.RemoveSliceAsync(userId, ContactSlice.SliceName, Token);
        Assert.Null(await cache.ReadAsync(userId, Token));
    }

    private static SendTimeSlice SendTimeAt(int bestHour)
    {
        var weights = new double[SendTimeSlice.HoursPerWeek];
        Array.Fill(weights, 1.0 / SendTimeSlice.HoursPerWeek);
        weights[bestHour] = 0.5;
        return new SendTimeSlice(weights, bestHour, EvidenceCount: 12, UpdatedAt);
    }
}
