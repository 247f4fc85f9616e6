using KitBot.Testing;

namespace KitBot.Dialogs.Tests.Support;

/// <summary>Folders of the repository checkout the tests run from (found by <see cref="RepositoryRoot"/>).</summary>
internal static class RepositoryFolder
{
    public static string Cards => Path.Combine(RepositoryRoot.Path, "cards");

    public static string CardSamples => Path.Combine(Cards, "samples");
}
