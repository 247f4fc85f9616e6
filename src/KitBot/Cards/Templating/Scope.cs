namespace KitBot.Cards.Templating;

/// <summary>
/// What an expression can see: the reference's TemplateObjectMemory. A path that does not start with '$' is read
/// under $data; the names are matched without regard to case, as everywhere in AEL.
/// </summary>
internal sealed class Scope(object? root, object? data, object? index)
{
    public object? Root { get; } = root;

    public object? Data { get; private set; } = data;

    public object? Index { get; private set; } = index;

    /// <summary>
    /// Points the scope at another $data and $index. One expansion reuses one scope for all its expressions: they are
    /// evaluated one at a time, and the scope never becomes part of a value.
    /// </summary>
    public void MoveTo(object? data, object? index)
    {
        Data = data;
        Index = index;
    }

    public object? GetValue(string path) => Access.GetPath(this, MemoryPath(path));

    /// <summary>The path as the memory reads it: under $data unless it names one of the memory's own members.</summary>
    public static string MemoryPath(string path) => path.Length > 0 && path[0] != '$' ? "$data." + path : path;

    /// <summary>A member of the memory object itself ($root, $data, $index, $host, $_acTemplateVersion).</summary>
    public object? Member(string name)
    {
        return JsCase.ToLower(name) switch
        {
            "$root" => Root,
            "$data" => Data,
            "$index" => Index,
            "$_actemplateversion" => Version(),
            _ => Js.Undefined,
        };

        // adaptivecards-templating 2.3.1 exposes its own version here.
        static JsObject Version()
        {
            var version = new JsObject();
            version.Set("major", 2.0);
            version.Set("minor", 3.0);
            version.Set("patch", 1.0);
            version.Set("suffix", "");
            return version;
        }
    }
}
