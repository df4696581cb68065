using System.Collections.Concurrent;
using MassTransit;
using Tailor.Contracts;

namespace Tailor.Bench.Simulation;

/// <summary>Collects what Tailor produced for each campaign: the emails senders would receive and the suppressions.</summary>
public sealed class SimulationSink : IConsumer<EmailReady>, IConsumer<EmailSuppressed>
{
    public ConcurrentDictionary<Guid, EmailReady> Emails { get; } = new();

    public ConcurrentDictionary<(string CampaignId, string UserId), string> Suppressed { get; } = new();

    public Task Consume(ConsumeContext<EmailReady> context)
    {
        Emails[context.Message.EmailId] = context.Message;
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<EmailSuppressed> context)
    {
        Suppressed[(context.Message.CampaignId, context.Message.UserId)] = context.Message.Reason;
        return Task.CompletedTask;
    }

    public int Answered(string campaignId) =>
        Emails.Values.Count(email => email.CampaignId == campaignId) + Suppressed.Keys.Count(key => key.CampaignId == campaignId);
}
