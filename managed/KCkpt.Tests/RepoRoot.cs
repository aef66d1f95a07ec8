namespace KCkpt.Tests;

/// <summary>Finds the repository root: the nearest directory above the tests that holds KCkpt.sln.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "KCkpt.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no KCkpt.sln above {AppContext.BaseDirectory}");
    }
}
