namespace Tailor.ContentGeneration.Tests;

public sealed class MessageIdsTests
{
    [Fact]
    public void Email_is_the_same_for_the_same_campaign_and_user()
    {
        Assert.Equal(MessageIds.Email("campaign-1", "17850"), MessageIds.Email("campaign-1", "17850"));
    }

    [Fact]
    public void Ids_differ_across_campaigns_users_and_kinds()
    {
        Guid[] ids =
        [
            MessageIds.Email("campaign-1", "17850"),
            MessageIds.Email("campaign-2", "17850"),
            MessageIds.Email("campaign-1", "13047"),
            MessageIds.PersonalizeEmail("campaign-1", "17850"),
            MessageIds.EmailSuppressed("campaign-1", "17850"),
            MessageIds.EmailReady(MessageIds.Email("campaign-1", "17850")),
            // Length-prefixed parts: moving a character from one part to the next is another id.
            MessageIds.Email("campaign-11", "7850"),
        ];

        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public void Ids_are_version_8_rfc_9562_uuids()
    {
        var text = MessageIds.Email("campaign-1", "17850").ToString("D");

        Assert.Equal('8', text[14]);
        Assert.Contains(text[19], "89ab");
    }
}
