using System.Text.Json;
using Tailor.Contracts;
using Tailor.Messaging;
using Tailor.SampleSender.Delivery;

namespace Tailor.SampleSender.Tests;

/// <summary>
/// The headers providers and mailbox providers read as they are (List-Unsubscribe, List-Unsubscribe-Post, the custom
/// arguments and each provider's header), checked in the bytes written for SMTP: reading them back through MimeKit
/// would decode an RFC 2047 encoded-word and hide it.
/// </summary>
public sealed class EmailMessageWireTests
{
    private const string Signature = "k3Jq0wU5b7yXr2Vt9cPzN1aLh4sDfGmEoB8iWnQxTuY6ZeRjK0vHlCpS3dAgFw7M";

    [Fact]
    public async Task Build_email_ready_writes_list_unsubscribe_and_x_tailor_args_unencoded()
    {
        var email = LongEmail();

        var wire = await WireAsync(email, ProviderArgsHeader.None);

        wire.AssertWritableAsIs("List-Unsubscribe", "List-Unsubscribe-Post", SampleSenderNames.ArgsHeader);
        Assert.Equal(email.Headers["List-Unsubscribe"], wire.Single("List-Unsubscribe"));
        Assert.Contains($"<{UnsubscribeUrl(email.EmailId)}>", wire.Single("List-Unsubscribe"), StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", wire.Single("List-Unsubscribe-Post"));
        Assert.Equal(email.EmailId.ToString("D"), wire.Single("X-Tailor-Email-Id"));
        AssertSameArgs(email.CustomArgs!, JsonSerializer.Deserialize<Dictionary<string, string>>(wire.Single(SampleSenderNames.ArgsHeader)));
    }

    [Fact]
    public async Task Build_email_ready_for_sendgrid_writes_x_smtpapi_as_json()
    {
        var email = LongEmail();

        var wire = await WireAsync(email, ProviderArgsHeader.SendGrid);

        wire.AssertWritableAsIs("X-SMTPAPI", "List-Unsubscribe");
        using var smtpApi = JsonDocument.Parse(wire.Single("X-SMTPAPI"));
        AssertSameArgs(email.CustomArgs!, smtpApi.RootElement.GetProperty("unique_args").Deserialize<Dictionary<string, string>>());
    }

    [Fact]
    public async Task Build_email_ready_for_mailgun_writes_x_mailgun_variables_as_json()
    {
        var email = LongEmail();

        var wire = await WireAsync(email, ProviderArgsHeader.Mailgun);

        wire.AssertWritableAsIs("X-Mailgun-Variables", "List-Unsubscribe");
        AssertSameArgs(email.CustomArgs!, JsonSerializer.Deserialize<Dictionary<string, string>>(wire.Single("X-Mailgun-Variables")));
    }

    [Fact]
    public async Task Build_email_ready_for_ses_writes_x_ses_message_tags_unencoded()
    {
        var email = LongEmail();

        var wire = await WireAsync(email, ProviderArgsHeader.Ses);

        wire.AssertWritableAsIs("X-SES-MESSAGE-TAGS", "List-Unsubscribe");
        var tags = wire.Single("X-SES-MESSAGE-TAGS").Split(',', StringSplitOptions.TrimEntries).Select(tag => tag.Split('=')).ToDictionary(tag => tag[0], tag => tag[1]);
        Assert.Equal(email.EmailId.ToString("D"), tags["tailor_email_id"]);
        Assert.Equal("tenant_42_user_Zo__7", tags["tailor_user_id"]);
        Assert.Equal(email.CustomArgs!.Keys.Order(), tags.Keys.Order());
    }

    [Fact]
    public async Task Build_email_ready_for_postmark_writes_ascii_metadata_unencoded()
    {
        var email = LongEmail();

        var wire = await WireAsync(email, ProviderArgsHeader.Postmark);

        var ascii = email.CustomArgs!.Where(arg => arg.Value.All(char.IsAscii)).ToList();
        wire.AssertWritableAsIs([.. ascii.Select(arg => $"X-PM-Metadata-{arg.Key}")]);
        Assert.All(ascii, arg => Assert.Equal(arg.Value, wire.Single($"X-PM-Metadata-{arg.Key}")));
    }

    [Theory]
    [InlineData(ProviderArgsHeader.None, SampleSenderNames.ArgsHeader)]
    [InlineData(ProviderArgsHeader.SendGrid, "X-SMTPAPI")]
    [InlineData(ProviderArgsHeader.Mailgun, "X-Mailgun-Variables")]
    public async Task Build_email_ready_with_args_longer_than_a_line_folds_the_json_between_members(ProviderArgsHeader provider, string header)
    {
        var many = Enumerable.Range(1, 40).ToDictionary(i => $"tailor_segment_{i:D2}", i => $"segment-{i:D2}-{new string('x', 40)}");
        var email = LongEmail() with { CustomArgs = many };

        var wire = await WireAsync(email, provider);

        wire.AssertWritableAsIs(header);
        Assert.True(wire.Lines.Count(line => line.StartsWith(' ')) >= 2, "JSON of 3,000 octets should be folded over several lines.");
        using var json = JsonDocument.Parse(wire.Single(header));
        var args = provider == ProviderArgsHeader.SendGrid ? json.RootElement.GetProperty("unique_args") : json.RootElement;
        AssertSameArgs(many, args.Deserialize<Dictionary<string, string>>());
    }

    [Fact]
    public async Task Build_email_ready_with_a_long_list_unsubscribe_folds_it_only_between_its_entries()
    {
        var email = LongEmail();
        var https = $"https://email.example.com/u/{email.EmailId:D}?s={string.Concat(Enumerable.Repeat(Signature, 8))}";
        var mailto = $"mailto:unsubscribe@email.example.com?subject=unsubscribe-{email.EmailId:D}-{string.Concat(Enumerable.Repeat(Signature, 6))}";
        var value = $"<{mailto}>, <{https}>";
        email = email with { Headers = new Dictionary<string, string>(email.Headers) { ["List-Unsubscribe"] = value } };

        var wire = await WireAsync(email, ProviderArgsHeader.None);

        wire.AssertWritableAsIs("List-Unsubscribe");
        Assert.Contains($" <{https}>", wire.Lines);
        Assert.Equal(value, wire.Single("List-Unsubscribe"));
    }

    [Theory]
    [InlineData("List-Unsubscribe", "<https://email.example.com/u/zoë>")]
    [InlineData("List-Unsubscribe-Post", "List-Unsubscribe=One-Click ✓")]
    [InlineData("List-Unsubscribe", "<https://email.example.com/u/1>\r\nBcc: someone@example.com")]
    public void Build_email_ready_with_a_list_header_that_cannot_go_out_as_it_is_is_invalid(string header, string value)
    {
        var good = LongEmail();
        var email = good with { Headers = new Dictionary<string, string>(good.Headers) { [header] = value } };

        Assert.Throws<InvalidMessageException>(() => EmailMessage.Build(email, new SampleSenderOptions(), TestEmails.Now));
    }

    [Fact]
    public async Task Build_email_ready_with_other_text_beyond_ascii_keeps_it_rfc_2047_encoded()
    {
        var good = LongEmail();
        var email = good with { Headers = new Dictionary<string, string>(good.Headers) { ["X-Campaign-Name"] = "Été 2026 — Zoë's picks" } };

        var message = EmailMessage.Build(email, new SampleSenderOptions(), TestEmails.Now);
        var wire = WireHeaders.Of(await WireHeaders.WrittenAsync(message));

        Assert.StartsWith("=?utf-8?", wire.Single("X-Campaign-Name"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Été 2026 — Zoë's picks", message.Headers["X-Campaign-Name"]);
        Assert.Equal(email.Headers["List-Unsubscribe"], wire.Single("List-Unsubscribe"));
    }

    [Fact]
    public void Build_email_ready_with_an_arg_longer_than_a_header_line_is_invalid()
    {
        var email = LongEmail() with { CustomArgs = new Dictionary<string, string> { ["tailor_note"] = new('x', 1000) } };

        Assert.Throws<InvalidMessageException>(() => EmailMessage.Build(email, new SampleSenderOptions(), TestEmails.Now));
    }

    [Fact]
    public void Build_email_ready_for_postmark_with_an_arg_name_that_is_no_header_name_is_invalid()
    {
        var email = LongEmail() with { CustomArgs = new Dictionary<string, string> { ["tailor user"] = "7" } };

        Assert.Throws<InvalidMessageException>(() =>
            EmailMessage.Build(email, new SampleSenderOptions { ProviderArgsHeader = ProviderArgsHeader.Postmark }, TestEmails.Now));
    }

    internal static string UnsubscribeUrl(Guid emailId) => $"https://email.example.com/u/{emailId:D}?s={Signature}";

    /// <summary>
    /// An EmailReady with the values a real one carries at their longest: a signed unsubscribe URL and a mailto, a
    /// multi-tenant user id with non-ASCII characters, and several custom arguments.
    /// </summary>
    internal static EmailReady LongEmail()
    {
        var email = TestEmails.Ready(TestEmails.Now);
        var id = email.EmailId;
        return email with
        {
            Headers = new Dictionary<string, string>(email.Headers)
            {
                ["List-Unsubscribe"] = $"<mailto:unsubscribe@email.example.com?subject=unsubscribe-{id:D}>, <{UnsubscribeUrl(id)}>",
            },
            CustomArgs = new Dictionary<string, string>
            {
                ["tailor_email_id"] = id.ToString("D"),
                ["tailor_user_id"] = "tenant/42/user/Zoë 7",
                ["tailor_campaign_id"] = "6caf2c6fcaf45065987dbf75fed19422",
                ["tailor_variant"] = "b",
                ["tailor_model_version"] = "ranker-2026-11-30T04:00:00Z-3f9a2c1e",
                ["tailor_item_ids"] = "84991,21527,22086,85123A,47566",
            },
        };
    }

    private static async Task<WireHeaders> WireAsync(EmailReady email, ProviderArgsHeader provider)
    {
        var message = EmailMessage.Build(email, new SampleSenderOptions { ProviderArgsHeader = provider }, TestEmails.Now);
        return WireHeaders.Of(await WireHeaders.WrittenAsync(message));
    }

    private static void AssertSameArgs(IReadOnlyDictionary<string, string> expected, Dictionary<string, string>? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.OrderBy(arg => arg.Key, StringComparer.Ordinal), actual.OrderBy(arg => arg.Key, StringComparer.Ordinal));
    }
}
