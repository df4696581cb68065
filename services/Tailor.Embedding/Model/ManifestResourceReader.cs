using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Tailor.Embedding.Model;

/// <summary>
/// Reads resources embedded in an assembly file without loading the assembly: the MiniLM package's assembly is only a
/// container for the model here, and its code (built against the CPU ONNX Runtime) must never run in this process.
/// </summary>
internal static class ManifestResourceReader
{
    /// <summary>Returns, for each suffix, the bytes of the one embedded resource whose name ends with it.</summary>
    public static IReadOnlyDictionary<string, byte[]> Read(string assemblyPath, params string[] nameSuffixes)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var image = new PEReader(stream);
        var metadata = image.GetMetadataReader();
        var resourcesDirectory = image.PEHeaders.CorHeader?.ResourcesDirectory
            ?? throw new BadImageFormatException($"'{assemblyPath}' is not a .NET assembly.");

        var found = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            // A non-nil implementation points at another file; only resources inside this image are embedded.
            if (!resource.Implementation.IsNil)
            {
                continue;
            }

            var name = metadata.GetString(resource.Name);
            var suffix = Array.Find(nameSuffixes, s => name.EndsWith(s, StringComparison.Ordinal));
            if (suffix is null)
            {
                continue;
            }

            // Each embedded resource is a 4-byte little-endian length followed by the bytes, at its offset in the directory.
            var block = image.GetSectionData(resourcesDirectory.RelativeVirtualAddress + checked((int)resource.Offset));
            var reader = block.GetReader();
            found[suffix] = reader.ReadBytes(reader.ReadInt32());
        }

        var missing = nameSuffixes.Where(s => !found.ContainsKey(s)).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidDataException($"'{assemblyPath}' has no embedded resource ending with {string.Join(", ", missing)}.");
        }

        return found;
    }
}
