using System.Collections.Concurrent;
using System.Text.Json;
using MassTransit;
using Tailor.Contracts;

namespace Tailor.Bench.Load;

/// <summary>
/// The benchmark's own consumer of <see cref="EmailReady"/> and <see cref="EmailSuppressed"/>, on a queue of its own
/// as an email sender's would be: counts one campaign's outcomes and says when every user of the audience has one.
/// </summary>
internal sealed class EmailCounter(string run)
{
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, string> _emails = new(StringComparer.Ordinal);
    private int _duplicates;
    private int _ready;
    private int _suppressed;
    private int _expected = int.MaxValue;
    private string? _campaignId;

    public int Ready => Volatile.Read(ref _ready);

    public int Suppressed => Volatile.Read(ref _suppressed);

    /// <summary>The JSON size of the first email received: what the raw broker run publishes.</summary>
    public int EmailBytes { get; private set; }

    public Task All => _all.Task;

    /// <summary>
    /// One outcome (an email or a suppression) per user of <paramref name="audience"/> users, none twice, and a digest
    /// of who got which items under which subject, or was suppressed why (a subject the bandit drew depends on the
    /// order emails were written in, so it is left out; so is the send time, which depends on when the campaign ran).
    /// </summary>
    public Consistency Check(int audience) =>
        new(audience, audience - _emails.Count, Volatile.Read(ref _duplicates), ReplicaCheck.Digest(_emails));

    public void Expect(string campaignId, int audience)
    {
        Volatile.Write(ref _campaignId, campaignId);
        Volatile.Write(ref _expected, audience);
        Check();
    }

    public async Task<IBusControl> StartAsync(string rabbitMq, CancellationToken cancellationToken)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(rabbitMq));
            rabbit.ReceiveEndpoint($"load-{run}-emails", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                endpoint.PrefetchCount = 500;
                endpoint.Handler<EmailReady>(context =>
                {
                    if (EmailBytes == 0)
                    {
                        EmailBytes = JsonSerializer.SerializeToUtf8Bytes(context.Message).Length;
                    }

                    var email = context.Message;
                    var fingerprint = $"{string.Join(",", email.ItemIds)} | {(email.SubjectVariant is null ? email.Subject : "a subject drawn by the bandit")}";
                    if (!_emails.TryAdd(email.UserId, fingerprint))
                    {
                        Interlocked.Increment(ref _duplicates);
                    }

                    Interlocked.Increment(ref _ready);
                    Check();
                    return Task.CompletedTask;
                });
                endpoint.Handler<EmailSuppressed>(context =>
                {
                    // An outcome too: the user is accounted for, and why belongs in the digest.
                    if (!_emails.TryAdd(context.Message.UserId, $"suppressed: {context.Message.Reason}"))
                    {
                        Interlocked.Increment(ref _duplicates);
                    }

                    Interlocked.Increment(ref _suppressed);
                    Check();
                    return Task.CompletedTask;
                });
            });
        });
        await bus.StartAsync(cancellationToken);
        return bus;
    }

    // Each counter has a queue of its own, and the warm-up campaign's outcomes are all in before the measured campaign's
    // counter starts, so every outcome on it is this campaign's.
    private void Check()
    {
        if (Volatile.Read(ref _campaignId) is not null && Ready + Suppressed >= Volatile.Read(ref _expected))
        {
            _all.TrySetResult();
        }
    }
}
