using Tailor.Contracts;
using Tailor.Topic.Modeling;

namespace Tailor.Topic.Tests;

public sealed class TopicLabelerTests
{
    [Fact]
    public void Label_is_the_best_phrase_people_wrote_in_their_own_spelling()
    {
        UserDocument[] documents =
        [
            new("a", "WHITE HANGING HEART T-LIGHT HOLDER. RED HEART LANTERN. "),
            new("b", "WHITE HANGING HEART T-LIGHT HOLDER. "),
            new("c", "WHITE HANGING HEART T-LIGHT HOLDER. RED HEART LANTERN. "),
        ];
        TopicSummary[] topics = [new(0, "holder, tlight, heart", ["holder", "tlight", "heart", "hanging"])];

        var labelled = new TopicLabeler(documents).Label(topics);

        // "t-light" as written, not LDA's "tlight"; "heart t-light holder" ranks first, and what is left ("hanging") is a
        // lone word, which is not worth adding.
        Assert.Equal("heart t-light holder", Assert.Single(labelled).Label);
        Assert.Equal(topics[0].TopWords, labelled[0].TopWords);
    }

    [Fact]
    public void Label_adds_the_best_phrase_sharing_no_word_with_the_first()
    {
        UserDocument[] documents = [new("a", "HOT WATER BOTTLE. HAND WARMER. "), new("b", "HOT WATER BOTTLE. HAND WARMER. ")];
        TopicSummary[] topics = [new(0, string.Empty, ["bottle", "hot", "water", "warmer", "hand"])];

        Assert.Equal("hot water bottle & hand warmer", Assert.Single(new TopicLabeler(documents).Label(topics)).Label);
    }

    [Fact]
    public void Label_of_topics_that_would_read_the_same_gets_a_further_phrase()
    {
        UserDocument[] documents = [new("a", "CAKE STAND. TEA SET. TEA CUP. "), new("b", "CAKE STAND. TEA SET. TEA CUP. ")];
        TopicSummary[] topics =
        [
            new(0, string.Empty, ["cake", "stand", "tea", "set", "cup"]),
            new(1, string.Empty, ["cake", "stand", "tea", "set", "cup"]),
        ];

        var labels = new TopicLabeler(documents).Label(topics).Select(topic => topic.Label).ToList();

        Assert.Equal("cake stand & tea set", labels[0]);
        Assert.Equal("cake stand & tea set & cup", labels[1]);
    }

    [Fact]
    public void Label_falls_back_to_the_top_words_when_no_phrase_recurs()
    {
        UserDocument[] documents = [new("a", "JAM MAKING SET. ")];
        TopicSummary[] topics = [new(0, string.Empty, ["jam", "making", "set", "jars"])];

        Assert.Equal("jam, making, set", Assert.Single(new TopicLabeler(documents).Label(topics)).Label);
    }
}
