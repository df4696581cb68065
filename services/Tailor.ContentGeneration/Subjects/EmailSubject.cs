namespace Tailor.ContentGeneration.Subjects;

/// <summary>
/// Which variant of which subject test an email carried, and whether its open and click were counted already
/// (<c>contentgeneration.email-subjects</c>, keyed by email id): so each email counts once as shown, once as opened and
/// once as clicked, however often providers report it.
/// </summary>
public sealed record EmailSubject(string TestKey, int Variant, bool Opened, bool Clicked);
