namespace Tailor.ContentGeneration.Subjects;

/// <summary>One email to count as shown in its campaign's subject test: the variants its copy offered and the one it carries.</summary>
/// <param name="MayBeCounted">
/// False only when the email is known to be new to the test: the frequency guard has just put it in the user's ledger
/// for the first time, and an email is counted only after that. Such an email needs no look for a record of an
/// earlier count (one store read per email saved); a copy racing on another replica finds the email in the ledger,
/// so it is looked up, and the test's recent counts settle the race.
/// </param>
public sealed record ShownSubject(string CampaignId, SubjectChoice Choice, Guid EmailId, bool MayBeCounted = true);
