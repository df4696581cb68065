namespace Tailor.ContentGeneration.Frequency;

/// <summary>Where a user stands on email pressure, after Salesforce's engagement-frequency states.</summary>
public enum FatigueState
{
    /// <summary>Reads what they get (a human open or click recently, none of their sends since unread) and gets well under the cap.</summary>
    Undersaturated,

    /// <summary>Neither: the cap applies as configured.</summary>
    OnTarget,

    /// <summary>Stopped reading: too many sends in a row without a human open or click. Their cap is lowered.</summary>
    Saturated,
}
