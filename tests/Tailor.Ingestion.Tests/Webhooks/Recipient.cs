using Microsoft.Extensions.DependencyInjection;
using Tailor.Contracts;
using Tailor.Ingestion.Contacts;

namespace Tailor.Ingestion.Tests.Webhooks;

/// <summary>The reader of <see cref="SentEmails"/>: identified with an address and consent, so provider reports reach the suppression list.</summary>
internal static class Recipient
{
    public const string Address = "ada@example.com";

    public static async Task IdentifyAsync(IngestionApp app)
    {
        using var response = await app.PostAsync("/v1/identify", new { userId = SentEmails.UserId, traits = new { email = Address, email_consent = true } });
        response.EnsureSuccessStatusCode();
        Assert.True(await app.ConsumedAsync<UserIdentified>(identified => identified.UserId == SentEmails.UserId));
    }

    /// <summary>Waits until Ingestion has applied the engagement that <paramref name="source"/> names.</summary>
    public static async Task<EmailEngaged> AppliedAsync(IngestionApp app, string source)
    {
        Assert.True(await app.ConsumedAsync<EmailEngaged>(engaged => engaged.Source == source), $"No EmailEngaged from {source} was consumed.");
        return Assert.Single(app.Published<EmailEngaged>(), engaged => engaged.Source == source);
    }

    /// <summary>The address's entry on the suppression list; null when it was never suppressed.</summary>
    public static Task<Suppression?> SuppressionAsync(IngestionApp app) =>
        app.Services.GetRequiredService<SuppressionList>().FindAsync(Address, TestContext.Current.CancellationToken);

    /// <summary>What ContentGeneration reads before it writes an email.</summary>
    public static async Task<bool> SuppressedInProfileAsync(IngestionApp app) =>
        (await app.Profiles.ReadAsync(SentEmails.UserId, TestContext.Current.CancellationToken))!.Contact!.Suppressed;
}
