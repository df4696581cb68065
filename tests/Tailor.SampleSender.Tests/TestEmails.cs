using Tailor.Contracts;

namespace Tailor.SampleSender.Tests;

/// <summary>EmailReady messages shaped like the ones ContentGeneration publishes.</summary>
internal static class TestEmails
{
    /// <summary>The fake clock's start: a Tuesday noon, UTC.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    public static EmailReady Ready(DateTimeOffset sendAt, string to = "ada@example.com", Guid? emailId = null)
    {
        var id = emailId ?? Guid.NewGuid();
        return new EmailReady(
            EventId: Guid.NewGuid(),
            UserId: "16556",
            OccurredAt: Now.AddMinutes(-5),
            EmailId: id,
            CampaignId: "6caf2c6fcaf45065987dbf75fed19422",
            To: to,
            Subject: "New heart, holder, tlight picks for you",
            Preheader: "60 TEATIME FAIRY CAKE CASES and 3 more picks for you at Tailor Shop, from £0.55",
            HtmlBody: "<!DOCTYPE html><html><body><p>Hello Ada,</p><p>60 TEATIME FAIRY CAKE CASES - £0.55</p></body></html>",
            TextBody: "Hello Ada,\n\n60 TEATIME FAIRY CAKE CASES - £0.55\n",
            Headers: new Dictionary<string, string>
            {
                ["List-Unsubscribe"] = $"<mailto:unsubscribe@example.com?subject=unsubscribe-{id:D}>, <https://email.example.com/u/{id:D}>",
                ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
                ["X-Tailor-Email-Id"] = id.ToString("D"),
            },
            SendAt: sendAt,
            Generator: "template-composer/1",
            ItemIds: ["84991", "21527"],
            From: "\"Tailor Shop\" <shop@example.com>",
            ReplyTo: "care@example.com",
            MessageId: $"<{id:D}@example.com>",
            CustomArgs: new Dictionary<string, string>
            {
                ["tailor_email_id"] = id.ToString("D"),
                ["tailor_user_id"] = "16556",
                ["tailor_campaign_id"] = "6caf2c6fcaf45065987dbf75fed19422",
                ["tailor_variant"] = "b",
                ["tailor_arm"] = "personalised",
            },
            SubjectVariant: "b",
            ModelVersion: null,
            Arm: "personalised");
    }
}
