using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Tailor.Ingestion.Security;

/// <summary>Checks every configured key when the process starts, so a typo in a hash or scope stops it with the key named.</summary>
internal sealed class ConfiguredApiKeysValidation : IValidateOptions<IngestionOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestionOptions options)
    {
        var failures = new List<string>();
        for (var index = 0; index < options.ApiKeys.Count; index++)
        {
            var key = options.ApiKeys[index];
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(key, new ValidationContext(key), results, validateAllProperties: true);
            failures.AddRange(results.Select(result => $"{IngestionOptions.Section}:ApiKeys:{index}: {result.ErrorMessage}"));
            if (ApiKeyClientNames.Problem(key.Client) is { } clientProblem)
            {
                failures.Add($"{IngestionOptions.Section}:ApiKeys:{index}:Client: {clientProblem}");
            }

            failures.AddRange(key.Scopes.Where(scope => !ApiScopes.IsKnown(scope)).Select(scope =>
                $"{IngestionOptions.Section}:ApiKeys:{index}: unknown scope '{scope}'; use {string.Join(", ", ApiScopes.All)}."));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
