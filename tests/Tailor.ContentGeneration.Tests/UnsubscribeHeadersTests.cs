using Microsoft.Extensions.Options;
using Tailor.ContentGeneration.Composition;
using Tailor.ContentGeneration.Personalization;
using Tailor.Links;

namespace Tailor.ContentGeneration.Tests;

/// <summary>What <c>List-Unsubscribe</c> offers: the signed https link Ingestion serves, and a mailto only when someone reads it.</summary>
public sealed class UnsubscribeHeadersTests
{
    private static readonly Guid EmailId = Guid.Parse("35465430-0105-8623-877f-052cbe33023f");
    private static readonly LinkSignature Signature = new(LinkSigningOptions.DevelopmentKey);

    [Fact]
    public void Without_a_mailbox_the_header_carries_the_signed_https_link_alone()
    {
        var headers = UnsubscribeHeaders.For(Links(mailbox: null), EmailId);

        Assert.Equal($"<https://email.shop.test/u/{EmailId}?s={Signature.SignUnsubscribe(EmailId)}>", headers[UnsubscribeHeaders.ListUnsubscribe]);
        Assert.Equal("List-Unsubscribe=One-Click", headers[UnsubscribeHeaders.ListUnsubscribePost]);
    }

    [Fact]
    public void With_a_mailbox_the_mailto_comes_first_then_the_https_link()
    {
        var headers = UnsubscribeHeaders.For(Links(mailbox: "leave@shop.test"), EmailId);

        Assert.Equal(
            $"<mailto:leave@shop.test?subject=unsubscribe-{EmailId}>, <https://email.shop.test/u/{EmailId}?s={Signature.SignUnsubscribe(EmailId)}>",
            headers[UnsubscribeHeaders.ListUnsubscribe]);
    }

    [Fact]
    public void Unsubscribe_link_is_signed_for_its_email_only()
    {
        var link = new Uri(Links(mailbox: null).Unsubscribe(EmailId));
        var signature = link.Query[$"?{LinkSignature.QueryParameter}=".Length..];

        Assert.True(Signature.IsValidUnsubscribe(EmailId, signature));
        Assert.False(Signature.IsValidUnsubscribe(Guid.NewGuid(), signature));
        Assert.False(Signature.IsValidUnsubscribe(EmailId, Signature.Sign(EmailId, "85123A")));
        Assert.False(new LinkSignature("another-key-of-at-least-thirty-two-characters").IsValidUnsubscribe(EmailId, signature));
    }

    [Fact]
    public void Default_options_configure_no_unsubscribe_mailbox()
    {
        Assert.Null(new ContentGenerationOptions().UnsubscribeMailbox);
    }

    [Fact]
    public void Brand_name_is_the_setting_ingestion_reads_for_its_unsubscribe_page()
    {
        Assert.Equal(EmailBrand.ConfigurationKey, $"{ContentGenerationOptions.Section}:{nameof(ContentGenerationOptions.BrandName)}");
        Assert.Equal(EmailBrand.DefaultName, new ContentGenerationOptions().BrandName);
    }

    private static EmailLinks Links(string? mailbox) => new(
        Options.Create(new ContentGenerationOptions { UnsubscribeBaseUrl = "https://email.shop.test/", UnsubscribeMailbox = mailbox }),
        Signature);
}
