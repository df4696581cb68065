using Tailor.Host.CommandLine;
using Tailor.Host.Mailbox;

namespace Tailor.Host.Tests.Mailbox;

public sealed class MailboxOptionsTests
{
    [Fact]
    public void No_options_listen_on_2525_and_write_to_tailor_mailbox_in_the_current_folder()
    {
        var options = MailboxOptions.Parse([]);

        Assert.Equal(2525, options.Port);
        Assert.Equal(Path.GetFullPath("tailor-mailbox"), options.Output.FullName);
    }

    [Fact]
    public void Port_and_out_are_taken_as_given()
    {
        var options = MailboxOptions.Parse(["--port", "0", "--out", "mail"]);

        Assert.Equal(0, options.Port);
        Assert.Equal(Path.GetFullPath("mail"), options.Output.FullName);
    }

    [Theory]
    [InlineData(new[] { "--port", "abc" }, "--port must be a number from 0 to 65535, not 'abc'")]
    [InlineData(new[] { "--port", "70000" }, "--port must be a number from 0 to 65535, not '70000'")]
    [InlineData(new[] { "--port", "-1" }, "--port must be a number from 0 to 65535, not '-1'")]
    [InlineData(new[] { "--port" }, "unknown or incomplete option '--port'")]
    [InlineData(new[] { "--out", " " }, "unknown or incomplete option '--out'")]
    [InlineData(new[] { "--host", "0.0.0.0" }, "unknown or incomplete option '--host'")]
    public void Bad_options_fail_naming_the_option_and_listing_the_valid_ones(string[] args, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => MailboxOptions.Parse(args));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("mailbox: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_out_that_is_a_file_fails_naming_it()
    {
        var file = Path.GetTempFileName();
        try
        {
            var error = Assert.Throws<ArgumentException>(() => MailboxOptions.Parse(["--out", file]));

            Assert.Contains($"--out '{file}' is a file", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_command_line_answers_bad_mailbox_options_with_exit_code_2() =>
        Assert.Equal(2, await TailorCli.RunAsync(["mailbox", "--port", "many"]));
}
