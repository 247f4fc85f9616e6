namespace KitBot.Dialogs.Content;

/// <summary>
/// A practice content file could not be used. The message names the file, where it came from and the problem, so
/// a host that fails to start says exactly what to fix.
/// </summary>
public sealed class PracticeContentException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The content file's name, for example <c>rules.json</c>.</param>
    /// <param name="source">Where it came from: built in, or the override file's path.</param>
    /// <param name="problem">What is wrong, in words an administrator can act on.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public PracticeContentException(string file, string source, string problem, Exception? inner = null)
        : base($"Practice content file '{file}' ({source}) is not valid: {problem}", inner)
    {
        File = file;
        Origin = source;
        Problem = problem;
    }

    /// <summary>The content file's name.</summary>
    public string File { get; }

    /// <summary>Where the file came from.</summary>
    public string Origin { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }
}
