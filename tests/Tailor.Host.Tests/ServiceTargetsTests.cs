using Tailor.Host.Hosting;
using Tailor.Host.Tests.Deployment;
using Tailor.SampleSender;

namespace Tailor.Host.Tests;

public class ServiceTargetsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("all")]
    [InlineData(" ALL ")]
    public void Parse_all_or_nothing_selects_every_service(string? target) =>
        Assert.Equal(ServiceTargets.Names.Order(), ServiceTargets.Parse(target).Order());

    [Fact]
    public void Parse_list_selects_those_services_once_accepting_dashes()
    {
        var targets = ServiceTargets.Parse("ingestion, content-generation,Ingestion");

        Assert.Equal(["ingestion", "contentgeneration"], targets);
    }

    [Fact]
    public void Parse_unknown_name_fails_naming_the_valid_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => ServiceTargets.Parse("ingestion,mailer"));

        Assert.Contains("'mailer'", error.Message, StringComparison.Ordinal);
        Assert.Contains("recommendation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_all_leaves_the_sample_sender_out()
    {
        Assert.DoesNotContain(ServiceTargets.Sender, ServiceTargets.Parse("all"));
        Assert.DoesNotContain(ServiceTargets.Sender, ServiceTargets.Names);
    }

    [Theory]
    [InlineData("all,sender")]
    [InlineData("sender, ALL")]
    [InlineData("all,sender,ingestion,all")]
    public void Parse_all_with_sender_selects_every_service_and_the_sender_once(string target) =>
        Assert.Equal(ServiceTargets.Names.Append(ServiceTargets.Sender).Order(), ServiceTargets.Parse(target).Order());

    [Fact]
    public void Parse_sender_alone_selects_only_the_sender_for_a_process_of_its_own() =>
        Assert.Equal([ServiceTargets.Sender], ServiceTargets.Parse("sender"));

    [Fact]
    public void Parse_unknown_name_mentions_the_opt_in_sender()
    {
        var error = Assert.Throws<ArgumentException>(() => ServiceTargets.Parse("all,mailbox"));

        Assert.Contains("'mailbox'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'sender'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sender_target_registers_the_sample_sender_on_its_own_queues_and_all_does_not()
    {
        // Its emails, and the erasures that make it forget a user's parked emails.
        string[] senderQueues = [SampleSenderNames.Queue, "tailor-sample-sender-user-erased"];

        Assert.Equal(senderQueues.Order(), ConsumerQueues.Of(ServiceTargets.Sender).Order());
        Assert.All(senderQueues, queue => Assert.DoesNotContain(queue, ConsumerQueues.Of(ServiceTargets.All)));
        Assert.All(senderQueues, queue => Assert.Contains(queue, ConsumerQueues.Of("all,sender")));
    }
}
