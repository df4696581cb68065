using Polly;

namespace Tailor.Ingestion.Webhooks.Ses;

/// <summary>Confirms an SNS subscription by visiting its <c>SubscribeURL</c> (the caller has checked the host).</summary>
internal sealed class SnsSubscriptionConfirmer(HttpClient http)
{
    /// <returns>Null when SNS took the confirmation, else why it did not.</returns>
    public async Task<string?> ConfirmAsync(Uri subscribeUrl, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(subscribeUrl, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"SNS answered {(int)response.StatusCode} to the confirmation.";
        }
        catch (Exception unreachable) when (
            unreachable is HttpRequestException or ExecutionRejectedException ||
            (unreachable is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // SNS being unreachable is not the sender's fault: answered as a bad gateway so SNS sends the confirmation again.
            return "SNS could not be reached to confirm the subscription.";
        }
    }
}
