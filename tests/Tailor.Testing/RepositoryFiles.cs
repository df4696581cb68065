namespace Tailor.Testing;

/// <summary>Files the tests read from the repository or beside it (<c>../shared/datasets</c>), found by looking upwards from the test binaries.</summary>
public static class RepositoryFiles
{
    public static string Above(params string[] relativePath)
    {
        var relative = Path.Combine(relativePath);
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{relative} was not found above {AppContext.BaseDirectory}.");
    }
}
