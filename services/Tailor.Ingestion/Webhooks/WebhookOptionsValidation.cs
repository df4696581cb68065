using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace Tailor.Ingestion.Webhooks;

/// <summary>Reads the configured keys when the process starts, so a pasted-wrong key stops it instead of refusing every webhook.</summary>
internal sealed class WebhookOptionsValidation : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.SendGridPublicKey))
        {
            try
            {
                using var ecdsa = ECDsa.Create();
                ecdsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(options.SendGridPublicKey), out _);
            }
            catch (Exception unreadable) when (unreadable is FormatException or CryptographicException)
            {
                failures.Add($"{WebhookOptions.Section}:SendGridPublicKey is not a base64 ECDSA public key: {unreadable.Message}");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.SesSigningCertificatePem))
        {
            try
            {
                using var certificate = X509Certificate2.CreateFromPem(options.SesSigningCertificatePem);
                using var rsa = certificate.GetRSAPublicKey();
                if (rsa is null)
                {
                    failures.Add($"{WebhookOptions.Section}:SesSigningCertificatePem holds no RSA key.");
                }
            }
            catch (CryptographicException unreadable)
            {
                failures.Add($"{WebhookOptions.Section}:SesSigningCertificatePem is not a PEM certificate: {unreadable.Message}");
            }
        }

        // The endpoint opens only with both; one alone would leave it answering 404 to every delivery, silently.
        if (string.IsNullOrEmpty(options.PostmarkUsername) != string.IsNullOrEmpty(options.PostmarkPassword))
        {
            failures.Add($"Set both {WebhookOptions.Section}:PostmarkUsername and {WebhookOptions.Section}:PostmarkPassword (the Basic credentials in Postmark's webhook URL), or neither.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
