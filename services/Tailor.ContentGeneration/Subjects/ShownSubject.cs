namespace Tailor.ContentGeneration.Subjects;

/// <summary>One email to count as shown in its campaign's subject test: the variants its copy offered and the one it carries.</summary>
public sealed record ShownSubject(string CampaignId, SubjectChoice Choice, Guid EmailId);
