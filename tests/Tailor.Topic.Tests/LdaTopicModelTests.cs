using System.Diagnostics;
using Tailor.Testing;
using Tailor.Topic.Modeling;

namespace Tailor.Topic.Tests;

public class LdaTopicModelTests(ITestOutputHelper output)
{
    [Fact]
    public void Fit_on_a_month_of_real_purchases_gives_mixtures_summing_to_one_and_distinct_topics()
    {
        var documents = DecemberDocuments();
        var clock = Stopwatch.StartNew();
        var fit = LdaTopicModel.Fit(documents, new TopicOptions(), topicCount: 8);
        output.WriteLine($"{documents.Count} documents in {clock.Elapsed.TotalSeconds:F1} s");
        foreach (var topic in fit.Topics)
        {
            output.WriteLine($"{topic.Topic}: {topic.Label} | {string.Join(' ', topic.TopWords)}");
        }

        Assert.InRange(documents.Count, 800, 1_000);
        Assert.Equal(8, fit.Topics.Count);
        Assert.Equal(documents.Count, fit.Users.Count);
        Assert.All(fit.Users, user =>
        {
            Assert.Equal(8, user.Mixture.Count);
            Assert.Equal(1.0, user.Mixture.Sum(), precision: 6);
            Assert.Equal(user.Mixture.Max(), user.Mixture[user.DominantTopic]);
        });
        Assert.Equal(fit.Topics.Count, fit.Topics.Select(topic => topic.Label).Distinct().Count());
        Assert.True(fit.Users.Select(user => user.DominantTopic).Distinct().Count() > 1, "every user has the same dominant topic");
    }

    [Fact]
    public void Fit_on_two_vocabularies_separates_them_and_repeats_itself_with_the_same_seed()
    {
        var documents = TwoInterestDocuments();
        var options = new TopicOptions { Topics = 2, TopWords = 4 };
        var fit = LdaTopicModel.Fit(documents, options, options.Topics);
        var again = LdaTopicModel.Fit(documents, options, options.Topics);

        var gardenTopic = fit.Users.Single(user => user.UserId == "u00").DominantTopic;
        Assert.All(fit.Users, user =>
            Assert.Equal(int.Parse(user.UserId[1..], System.Globalization.CultureInfo.InvariantCulture) % 2 == 0, user.DominantTopic == gardenTopic));
        Assert.Contains("garden", fit.Topics[gardenTopic].TopWords);
        Assert.Contains("kitchen", fit.Topics[1 - gardenTopic].TopWords);
        Assert.Empty(fit.Topics[0].TopWords.Intersect(fit.Topics[1].TopWords));
        Assert.Equal(fit.Users.Select(user => user.Mixture), again.Users.Select(user => user.Mixture));
    }

    [Fact]
    public void Coherence_scores_the_true_split_above_topics_that_mix_the_two_vocabularies()
    {
        var documents = TwoInterestDocuments();
        var options = new TopicOptions { Topics = 2, TopWords = 4 };
        var fit = LdaTopicModel.Fit(documents, options, options.Topics);
        var mixed = new[]
        {
            fit.Topics[0] with { TopWords = [.. fit.Topics[0].TopWords.Take(2), .. fit.Topics[1].TopWords.Take(2)] },
            fit.Topics[1] with { TopWords = [.. fit.Topics[1].TopWords.Skip(2), .. fit.Topics[0].TopWords.Skip(2)] },
        };

        var trueSplit = TopicCoherence.Npmi(fit.Topics, documents, wordsPerTopic: 4);
        var shuffled = TopicCoherence.Npmi(mixed, documents, wordsPerTopic: 4);

        Assert.InRange(trueSplit, -1, 1);
        Assert.True(trueSplit > shuffled, $"true split {trueSplit:F3} should beat mixed {shuffled:F3}");
    }

    [Fact]
    public void Selection_on_december_purchases_keeps_the_most_coherent_count()
    {
        var documents = DecemberDocuments();
        var options = new TopicOptions { TopicCandidates = [4, 8, 12], Iterations = 100 };
        var clock = Stopwatch.StartNew();

        var selection = TopicCountSelection.Fit(documents, options);

        output.WriteLine($"{documents.Count} documents, {clock.Elapsed.TotalSeconds:F1} s");
        foreach (var tried in selection.Tried)
        {
            output.WriteLine($"{tried.Topics} topics: NPMI {tried.Coherence:F4}");
        }

        foreach (var topic in selection.Fit.Topics)
        {
            output.WriteLine($"{topic.Topic}: {topic.Label} | {string.Join(' ', topic.TopWords)}");
        }

        // Every label is made of phrases that at least two customers' documents hold, and no two topics read the same.
        Assert.Equal(selection.Fit.Topics.Count, selection.Fit.Topics.Select(topic => topic.Label).Distinct().Count());
        // Compared as the labeler reads text: lower case, digits and other signs but hyphens and apostrophes dropped.
        var texts = documents.Select(document => new string([.. document.Text.ToLowerInvariant().Where(c => char.IsLetter(c) || c is ' ' or '-' or '\'' or '.')])).ToList();
        Assert.All(selection.Fit.Topics, topic => Assert.All(
            topic.Label.Split(" & "),
            phrase => Assert.True(texts.Count(text => text.Contains(phrase, StringComparison.Ordinal)) >= 2, $"'{phrase}' of '{topic.Label}'")));
        Assert.Equal([4, 8, 12], selection.Tried.Select(tried => tried.Topics));
        Assert.Equal(selection.Tried.Max(tried => tried.Coherence), selection.Coherence);
        Assert.Equal(selection.Tried.First(tried => tried.Coherence == selection.Coherence).Topics, selection.Fit.Topics.Count);
    }

    [Fact]
    public void Fit_on_december_gives_customers_who_bought_the_same_products_the_same_dominant_topic()
    {
        var purchases = OnlineRetail.Purchases(lines: 42_000);
        var documents = Documents(purchases);
        var fit = LdaTopicModel.Fit(documents, new TopicOptions(), topicCount: 8);
        var dominant = fit.Users.ToDictionary(user => user.UserId, user => user.DominantTopic, StringComparer.Ordinal);
        var items = purchases.Where(purchase => purchase.ItemId is not null && dominant.ContainsKey(purchase.UserId))
            .GroupBy(purchase => purchase.UserId)
            .Where(user => user.Select(purchase => purchase.ItemId).Distinct().Count() >= 5)
            .ToDictionary(user => user.Key, user => user.Select(purchase => purchase.ItemId!).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var customers = items.Keys.Order(StringComparer.Ordinal).ToList();

        // Pairs of customers a fifth of whose products are the same (Jaccard >= 0.2: retail baskets overlap little), against every pair.
        var similar = new List<bool>();
        var all = new List<bool>();
        for (var i = 0; i < customers.Count; i++)
        {
            for (var j = i + 1; j < customers.Count; j++)
            {
                var (left, right) = (items[customers[i]], items[customers[j]]);
                var shared = left.Count(right.Contains);
                var sameTopic = dominant[customers[i]] == dominant[customers[j]];
                all.Add(sameTopic);
                if (shared >= 0.2 * (left.Count + right.Count - shared))
                {
                    similar.Add(sameTopic);
                }
            }
        }

        var similarShare = similar.Count(same => same) / (double)similar.Count;
        var baseShare = all.Count(same => same) / (double)all.Count;
        output.WriteLine($"{similar.Count} pairs buying many of the same products share a dominant topic {similarShare:P0} of the time; all {all.Count:N0} pairs {baseShare:P0}");
        Assert.True(similar.Count >= 20, $"only {similar.Count} similar pairs");
        Assert.True(similarShare >= 0.7, $"similar pairs share a topic {similarShare:P0}");
        Assert.True(similarShare > 2 * baseShare, $"similar {similarShare:P0} against any pair {baseShare:P0}");
    }

    private static IReadOnlyList<UserDocument> TwoInterestDocuments() => Documents(Fixtures.TwoInterests());

    /// <summary>The customers of December 2010 in the Online Retail data, one document each.</summary>
    private static IReadOnlyList<UserDocument> DecemberDocuments() => Documents(OnlineRetail.Purchases(lines: 42_000));

    private static IReadOnlyList<UserDocument> Documents(IEnumerable<Contracts.UserActivityTracked> activities)
    {
        var builder = new UserDocumentBuilder(new Dictionary<string, string>());
        foreach (var activity in activities)
        {
            builder.Add(activity);
        }

        return builder.Build();
    }
}
