namespace Tailor.Ingestion.Http;

/// <summary>The answer to an accepted call, catalog upload or batch with nothing refused.</summary>
internal sealed record AcceptedDocument(bool Success, int Accepted);

/// <summary>The answer to a batch: how many calls were accepted, and each refused one with its errors keyed by JSON path.</summary>
internal sealed record BatchAcceptedDocument(bool Success, int Accepted, IReadOnlyList<RejectedCallDocument> Rejected);

internal sealed record RejectedCallDocument(int Index, IDictionary<string, string[]> Errors);

/// <summary>The answer to a campaign request: the id the campaign's emails will carry.</summary>
internal sealed record CampaignAcceptedDocument(string CampaignId);
