using Tailor.Storage;

namespace Tailor.SendTime.Learning;

/// <summary>A user's state as this writer stored it, and the priors its slice is computed against.</summary>
public sealed record SliceToWrite(string UserId, Versioned<UserSendTimeState> Stored, SendTimePriors Priors);
