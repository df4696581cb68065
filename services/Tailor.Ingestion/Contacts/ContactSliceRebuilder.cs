using Tailor.Profiles;
using Tailor.Profiles.Rebuild;

namespace Tailor.Ingestion.Contacts;

/// <summary>Writes every contact slice again from Ingestion's contact records when the profile cache lost them.</summary>
internal sealed class ContactSliceRebuilder(ContactBook contacts) : IProfileSliceRebuilder
{
    public string SliceName => ContactSlice.SliceName;

    public Task<int> RebuildAsync(CancellationToken cancellationToken) => contacts.RewriteSlicesAsync(cancellationToken);
}
