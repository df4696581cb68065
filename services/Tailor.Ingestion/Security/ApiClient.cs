namespace Tailor.Ingestion.Security;

/// <summary>Who a valid API key belongs to and what it may do.</summary>
/// <param name="KeyId">The public id of the key (<see cref="ApiKeys.IdOf"/>).</param>
public sealed record ApiClient(string KeyId, string Client, IReadOnlyList<string> Scopes);
