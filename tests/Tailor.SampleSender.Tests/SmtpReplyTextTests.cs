using Tailor.SampleSender.Delivery;

namespace Tailor.SampleSender.Tests;

/// <summary>What the sender passes on of an SMTP server's words: all of them but the email addresses.</summary>
public sealed class SmtpReplyTextTests
{
    [Theory]
    [InlineData("5.1.1 <bob@example.com>: Recipient address rejected: User unknown", "5.1.1 <address>: Recipient address rejected: User unknown")]
    [InlineData("4.2.2 Mailbox full: bob.smith+news@mail.example.co.uk", "4.2.2 Mailbox full: <address>")]
    [InlineData("5.7.8 Authentication failed for 'ops@example.com'", "5.7.8 Authentication failed for '<address>'")]
    [InlineData("5.7.1 Relaying denied from a@b.example to c@d.example.", "5.7.1 Relaying denied from <address> to <address>")]
    public void Without_addresses_leaves_out_every_address_the_server_quoted(string reply, string passedOn) =>
        Assert.Equal(passedOn, SmtpReplyText.WithoutAddresses(reply));

    [Theory]
    [InlineData("4.3.0 Try again later")]
    [InlineData("Connection refused")]
    [InlineData("5.7.1 Message rejected: see https://support.example.com/mail?p=NoSuchUser")]
    public void Without_addresses_keeps_a_reply_that_quotes_none(string reply) =>
        Assert.Equal(reply, SmtpReplyText.WithoutAddresses(reply));
}
