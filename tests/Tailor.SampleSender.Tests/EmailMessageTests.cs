using System.Text.Json;
using Tailor.Messaging;
using Tailor.SampleSender.Delivery;

namespace Tailor.SampleSender.Tests;

/// <summary>The MIME message built from an EmailReady, without SMTP: fallbacks and each provider's argument header.</summary>
public sealed class EmailMessageTests
{
    [Fact]
    public void Build_email_ready_without_from_or_message_id_uses_the_default_from_and_derives_the_id()
    {
        var email = TestEmails.Ready(TestEmails.Now) with { From = null, MessageId = null, ReplyTo = null, CustomArgs = null };
        var options = new SampleSenderOptions { DefaultFrom = "Acme <news@acme.example>" };

        var message = EmailMessage.Build(email, options, TestEmails.Now);

        Assert.Equal("\"Acme\" <news@acme.example>", message.From.ToString());
        Assert.Equal($"{email.EmailId:D}@acme.example", message.MessageId);
        Assert.Empty(message.ReplyTo);
        Assert.Null(message.Headers[SampleSenderNames.ArgsHeader]);
    }

    [Fact]
    public void Build_email_ready_without_from_and_without_a_default_is_invalid()
    {
        var email = TestEmails.Ready(TestEmails.Now) with { From = null };

        var exception = Assert.Throws<InvalidMessageException>(() => EmailMessage.Build(email, new SampleSenderOptions(), TestEmails.Now));

        Assert.Contains("From", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_email_ready_to_a_malformed_address_is_invalid_without_quoting_it()
    {
        // The message goes to the log (MassTransit's R-FAULT) and into the Fault; the text is most likely someone's address.
        var email = TestEmails.Ready(TestEmails.Now) with { To = "ada.lovelace@" };

        var exception = Assert.Throws<InvalidMessageException>(() => EmailMessage.Build(email, new SampleSenderOptions(), TestEmails.Now));

        Assert.Contains("has a To that is not an address", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ada.lovelace", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("From")]
    [InlineData("message-id")]
    [InlineData("Bad Header")]
    public void Build_email_ready_asking_for_a_header_the_sender_sets_or_a_malformed_one_is_invalid(string header)
    {
        var good = TestEmails.Ready(TestEmails.Now);
        var email = good with { Headers = new Dictionary<string, string>(good.Headers) { [header] = "x" } };

        Assert.Throws<InvalidMessageException>(() => EmailMessage.Build(email, new SampleSenderOptions(), TestEmails.Now));
    }

    [Fact]
    public void Build_email_ready_for_sendgrid_adds_unique_args_to_x_smtpapi()
    {
        var email = TestEmails.Ready(TestEmails.Now);

        var message = EmailMessage.Build(email, new SampleSenderOptions { ProviderArgsHeader = ProviderArgsHeader.SendGrid }, TestEmails.Now);

        using var smtpApi = JsonDocument.Parse(message.Headers["X-SMTPAPI"]!);
        Assert.Equal(email.EmailId.ToString("D"), smtpApi.RootElement.GetProperty("unique_args").GetProperty("tailor_email_id").GetString());
        Assert.Equal("b", smtpApi.RootElement.GetProperty("unique_args").GetProperty("tailor_variant").GetString());
    }

    [Fact]
    public void Build_email_ready_for_mailgun_adds_the_args_as_x_mailgun_variables()
    {
        var email = TestEmails.Ready(TestEmails.Now);

        var message = EmailMessage.Build(email, new SampleSenderOptions { ProviderArgsHeader = ProviderArgsHeader.Mailgun }, TestEmails.Now);

        var variables = JsonSerializer.Deserialize<Dictionary<string, string>>(message.Headers["X-Mailgun-Variables"]!);
        Assert.Equal(email.CustomArgs!.OrderBy(arg => arg.Key), variables!.OrderBy(arg => arg.Key));
    }

    [Fact]
    public void Build_email_ready_for_ses_adds_message_tags_with_only_the_characters_ses_accepts()
    {
        var email = TestEmails.Ready(TestEmails.Now) with
        {
            CustomArgs = new Dictionary<string, string> { ["tailor_email_id"] = "35465430-0105-8623-877f-052cbe33023f", ["tailor_user_id"] = "user 7/ä" },
        };

        var message = EmailMessage.Build(email, new SampleSenderOptions { ProviderArgsHeader = ProviderArgsHeader.Ses }, TestEmails.Now);

        Assert.Equal(
            "tailor_email_id=35465430-0105-8623-877f-052cbe33023f, tailor_user_id=user_7__",
            message.Headers["X-SES-MESSAGE-TAGS"]);
    }

    [Fact]
    public void Build_email_ready_for_postmark_adds_one_metadata_header_per_arg()
    {
        var email = TestEmails.Ready(TestEmails.Now);

        var message = EmailMessage.Build(email, new SampleSenderOptions { ProviderArgsHeader = ProviderArgsHeader.Postmark }, TestEmails.Now);

        Assert.All(email.CustomArgs!, arg => Assert.Equal(arg.Value, message.Headers[$"X-PM-Metadata-{arg.Key}"]));
    }

    [Theory]
    [InlineData("7\r\nBcc: everyone@example.com")]
    [InlineData("Zoë\r\nBcc: everyone@example.com")]
    [InlineData("Zoë\0")]
    public void Build_email_ready_for_postmark_with_a_control_character_in_an_arg_is_invalid_rather_than_altered(string userId)
    {
        var good = TestEmails.Ready(TestEmails.Now);
        var email = good with { CustomArgs = new Dictionary<string, string>(good.CustomArgs!) { ["tailor_user_id"] = userId } };

        Assert.Throws<InvalidMessageException>(() =>
            EmailMessage.Build(email, new SampleSenderOptions { ProviderArgsHeader = ProviderArgsHeader.Postmark }, TestEmails.Now));
    }
}
