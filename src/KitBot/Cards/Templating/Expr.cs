using System.Text;

namespace KitBot.Cards.Templating;

/// <summary>A parsed Adaptive Expression: a function applied to children, or a constant.</summary>
internal sealed class Expr(FunctionDef function, Expr[] children, object? value = null)
{
    public FunctionDef Function { get; } = function;

    public Expr[] Children { get; } = children;

    /// <summary>The value of a constant.</summary>
    public object? Value { get; } = value;

    public string Type => Function.Type;

    /// <summary>
    /// For a plain chain of names (a.b.c, no indexers), the path and its split form, worked out once: most bindings
    /// in a card are such chains and are then read without rebuilding the path on every expansion.
    /// </summary>
    public (string Path, Access.Segment[] Segments)? StaticPath { get; } = StaticPathOf(function, children);

    public bool IsConstant => ReferenceEquals(Function, BuiltInFunctions.Constant);

    public ReturnType ReturnType => !IsConstant ? Function.ReturnType : Value switch
    {
        string => ReturnType.String,
        bool => ReturnType.Boolean,
        double d when !double.IsNaN(d) => ReturnType.Number,
        List<object?> => ReturnType.Array,
        _ => ReturnType.Object,
    };

    public EvalResult TryEvaluate(Scope scope, bool substitute) => Function.Evaluate(this, scope, substitute);

    /// <summary>AEL's Expression.toString, which the reference writes back as "${...}" when a part of a string fails.</summary>
    public override string ToString()
    {
        if (IsConstant)
        {
            return ConstantToString(Value);
        }

        if (Type == BuiltInFunctions.AccessorType && Children.Length is 1 or 2 && Children[0] is { IsConstant: true, Value: string property })
        {
            return Children.Length == 1 ? property : Children[1] + "." + property;
        }

        if (Type == BuiltInFunctions.ElementType && Children.Length == 2)
        {
            return Children[0] + "[" + Children[1] + "]";
        }

        var infix = Type.Length > 0 && !char.IsAsciiLetter(Type[0]) && Children.Length >= 2;
        var builder = new StringBuilder();
        if (!infix)
        {
            builder.Append(Type);
        }

        builder.Append('(');
        for (var i = 0; i < Children.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(infix ? " " + Type + " " : ", ");
            }

            builder.Append(Children[i]);
        }

        return builder.Append(')').ToString();
    }

    private static (string, Access.Segment[])? StaticPathOf(FunctionDef function, Expr[] children)
    {
        if (function.Type != BuiltInFunctions.AccessorType)
        {
            return null;
        }

        var path = "";
        for (var (type, current) = (function.Type, children); ; )
        {
            if (type != BuiltInFunctions.AccessorType || current.Length is not (1 or 2) || current[0].Value is not string name)
            {
                return null;
            }

            path = path.Length == 0 ? name : name + "." + path;
            if (current.Length == 1)
            {
                break;
            }

            (type, current) = (current[1].Type, current[1].Children);
        }

        return (path, Access.Split(Scope.MemoryPath(path)));
    }

    private static string ConstantToString(object? value)
    {
        switch (value)
        {
            case null:
                return "null";
            case string s:
                var doubled = s.Replace("\\", "\\\\", StringComparison.Ordinal);
                var builder = new StringBuilder("'");
                for (var i = 0; i < doubled.Length; i++)
                {
                    if (doubled[i] == '\'' && (i == 0 || doubled[i - 1] != '\\'))
                    {
                        builder.Append('\\');
                    }

                    builder.Append(doubled[i]);
                }

                return builder.Append('\'').ToString();
            case List<object?> or JsObject:
                return Js.JsonStringify(value)!;
            default:
                return Js.ToJsString(value);
        }
    }
}
