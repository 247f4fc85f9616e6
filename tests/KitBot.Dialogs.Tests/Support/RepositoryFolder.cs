namespace KitBot.Dialogs.Tests.Support;

/// <summary>The repository checkout the tests run from: the folder holding KitBot.sln.</summary>
internal static class RepositoryFolder
{
    public static string Path { get; } = Find();

    public static string Cards => System.IO.Path.Combine(Path, "cards");

    public static string CardSamples => System.IO.Path.Combine(Cards, "samples");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "KitBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find the folder holding KitBot.sln above " + AppContext.BaseDirectory);
    }
}
