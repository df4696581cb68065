namespace Tailor.Profiles;

/// <summary>One service's part of a user profile, stored under <see cref="SliceName"/>; only its owner writes it.</summary>
public interface IProfileSlice
{
    static abstract string SliceName { get; }
}
