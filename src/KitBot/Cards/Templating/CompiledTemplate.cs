using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KitBot.Cards.Templating;

/// <summary>
/// A template parsed once (the reference's Template.prepare) and expanded against data any number of times
/// (Template.expand). Expansion follows adaptivecards-templating 2.3.1's internalExpand step by step.
/// </summary>
internal sealed class CompiledTemplate
{
    private static readonly FrozenSet<string> Reserved =
        new[] { "$data", "$when", "$root", "$index", "$host", "$_acTemplateVersion" }.ToFrozenSet(StringComparer.Ordinal);

    private readonly Node _root;

    private CompiledTemplate(Node root)
    {
        _root = root;
    }

    public static CompiledTemplate Compile(JsonNode template) => new(Prepare(template));

    public JsonNode? Expand(JsonNode? data) => Js.ToJson(new Expansion(Js.FromJson(data)).Expand(_root));

    /// <summary>
    /// Expands and writes the result as JSON to <paramref name="writer"/>, without building the expanded card: the
    /// bytes are those of <see cref="Expand"/>'s node written with the same writer.
    /// </summary>
    public void ExpandTo(Utf8JsonWriter writer, JsonNode? data) => new Expansion(Js.FromJson(data)).Write(writer, _root);

    private static Node Prepare(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return new Literal(null);
            case JsonArray array:
                return new ArrayNode([.. array.Select(Prepare)]);
            case JsonObject obj:
                // Object.keys order: array-index keys first, as the reference iterates them.
                var ordered = new JsObject();
                foreach (var (key, value) in obj)
                {
                    ordered.Set(key, Prepare(value));
                }

                var all = ordered.Keys.Select(key => (key, (Node)ordered[key]!)).ToArray();
                var data = ordered.TryGetValue("$data", out var d) ? (Node)d! : null;
                if (data is not null and not ExpressionNode && ContainsExpression(data))
                {
                    throw new NotSupportedException("A literal $data that itself holds ${...} expressions is not supported by KitBot's template engine.");
                }

                return new ObjectNode(
                    all,
                    [.. all.Where(p => !Reserved.Contains(p.key))],
                    ordered.TryGetValue("$when", out var w) ? (Node)w! : null,
                    data);
            default:
                var json = node.AsValue();
                return json.GetValueKind() switch
                {
                    JsonValueKind.String => PrepareString(json.GetValue<string>()),
                    _ => new Literal(Js.FromJson(node)),
                };
        }
    }

    /// <summary>Template.parseInterpolatedString: a string with "${" becomes an expression when it parses as one.</summary>
    private static Node PrepareString(string text)
    {
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return new Literal(text);
        }

        var parsed = ExpressionParser.Parse("`" + text + "`");
        if (parsed.Type != BuiltInFunctions.ConcatType)
        {
            // A stray backtick can turn the string into some other expression; the reference then keeps the text.
            return new Literal(text);
        }

        var children = parsed.Children;
        if (children.Length == 1 && !children[0].IsConstant)
        {
            return new ExpressionNode(children[0]);
        }

        // A string that is exactly one ${...} is that expression, keeping its type (AEL puts "" first in a concat).
        if (children.Length == 2 && children[0] is { IsConstant: true, Value: "" } && !children[1].IsConstant)
        {
            return new ExpressionNode(children[1]);
        }

        return new ExpressionNode(parsed);
    }

    private static bool ContainsExpression(Node node) => node switch
    {
        ExpressionNode => true,
        ArrayNode array => array.Items.Any(ContainsExpression),
        ObjectNode obj => obj.All.Any(p => ContainsExpression(p.Value)),
        _ => false,
    };

    internal abstract class Node;

    private sealed class Literal(object? value) : Node
    {
        public object? Value { get; } = value;

        /// <summary>A string value escaped and in UTF-8 once, as the writer (default encoder) would write it on every card.</summary>
        public JsonEncodedText? Encoded { get; } = value is string text ? JsonEncodedText.Encode(text) : null;
    }

    private sealed class ExpressionNode(Expr expr) : Node
    {
        public Expr Expr { get; } = expr;
    }

    private sealed class ArrayNode(Node[] items) : Node
    {
        public Node[] Items { get; } = items;
    }

    private sealed class ObjectNode((string Key, Node Value)[] all, (string Key, Node Value)[] properties, Node? when, Node? data) : Node
    {
        /// <summary>Every member, reserved ones included (a literal $data object is used as it is).</summary>
        public (string Key, Node Value)[] All { get; } = all;

        /// <summary>The members that are written out: all but $data, $when, $root, $index, $host, $_acTemplateVersion.</summary>
        public (string Key, Node Value)[] Properties { get; } = properties;

        /// <summary>The names of <see cref="Properties"/>, escaped and in UTF-8 once.</summary>
        public JsonEncodedText[] EncodedKeys { get; } = [.. properties.Select(p => JsonEncodedText.Encode(p.Key))];

        public Node? When { get; } = when;

        public Node? Data { get; } = data;
    }

    /// <summary>One expansion: the data context ($root, $data, $index) as the reference's EvaluationContext keeps it.</summary>
    private sealed class Expansion(object? root)
    {
        // One scope for every expression of this expansion, moved to the current $data and $index before each.
        private readonly Scope _scope = new(root, null, null);

        // $data as set (undefined means "the root"), and $index.
        private object? _data = Js.Undefined;
        private object? _index = Js.Undefined;

        private object? Data => Js.IsUndefined(_data) ? root : _data;

        public object? Expand(Node node)
        {
            var (savedData, savedIndex) = (_data, _index);
            object? result;
            switch (node)
            {
                case ArrayNode array:
                    var items = new List<object?>(array.Items.Length);
                    foreach (var item in array.Items)
                    {
                        // Nulls are dropped and arrays spliced in: that is how a repeated element joins its parent.
                        var expanded = Expand(item);
                        if (expanded is List<object?> list)
                        {
                            items.AddRange(list);
                        }
                        else if (expanded is not null)
                        {
                            items.Add(expanded);
                        }
                    }

                    result = items;
                    break;
                case ExpressionNode expression:
                    result = Value(Evaluate(expression.Expr, substitute: true));
                    break;
                case ObjectNode obj:
                    result = ExpandObject(obj);
                    break;
                default:
                    result = ((Literal)node).Value;
                    break;
            }

            (_data, _index) = (savedData, savedIndex);
            return result;
        }

        private object? ExpandObject(ObjectNode node)
        {
            if (node.Data is null)
            {
                // Most elements: one context, the current one; the same as the loop below with [undefined], without
                // its two allocations per element.
                return Dropped(node.When) ? null : ExpandMembers(node);
            }

            var (contexts, isArray) = Contexts(node.Data);
            var results = new List<object?>();
            for (var i = 0; i < contexts.Count; i++)
            {
                EnterContext(contexts, i, isArray);
                if (!Dropped(node.When))
                {
                    results.Add(ExpandMembers(node));
                }
            }

            return results.Count switch
            {
                0 => null,
                1 => results[0],
                _ => results,
            };
        }

        /// <summary>The contexts a $data gives: each item of an array (with $index), or the one value.</summary>
        private (IReadOnlyList<object?> Contexts, bool IsArray) Contexts(Node data)
        {
            var context = data is ExpressionNode expression
                ? Value(Evaluate(expression.Expr, substitute: true))
                : ToValue(data);
            return context is List<object?> list ? (list, true) : ([context], false);
        }

        private void EnterContext(IReadOnlyList<object?> contexts, int i, bool isArray)
        {
            if (isArray)
            {
                _index = (double)i;
            }

            // An undefined item keeps the previous item's $data, as the reference's loop does.
            if (!Js.IsUndefined(contexts[i]))
            {
                _data = contexts[i];
            }
        }

        /// <summary>
        /// Writes what <see cref="Expand"/> returns for <paramref name="node"/> as <see cref="Js.WriteJson"/> would, in
        /// the same order of evaluation, without building the expanded objects and arrays.
        /// </summary>
        public void Write(Utf8JsonWriter writer, Node node)
        {
            var (savedData, savedIndex) = (_data, _index);
            switch (node)
            {
                case ArrayNode array:
                    writer.WriteStartArray();
                    WriteItems(writer, array);
                    writer.WriteEndArray();
                    break;
                case ObjectNode { Data: null } obj:
                    if (Dropped(obj.When))
                    {
                        writer.WriteNullValue();
                    }
                    else
                    {
                        WriteMembers(writer, obj);
                    }

                    break;
                default:
                    // A repeated element outside an array is null, the object or an array by how many contexts it
                    // kept, known only after all of them: expanded first, as before (rare in cards).
                    Js.WriteJson(writer, Expand(node));
                    break;
            }

            (_data, _index) = (savedData, savedIndex);
        }

        /// <summary>The items of an array, as Expand joins them: nulls dropped, arrays spliced in.</summary>
        private void WriteItems(Utf8JsonWriter writer, ArrayNode array)
        {
            foreach (var item in array.Items)
            {
                var (savedData, savedIndex) = (_data, _index);
                switch (item)
                {
                    case ArrayNode nested:
                        WriteItems(writer, nested);
                        break;
                    case ObjectNode obj when obj.Data is null:
                        if (!Dropped(obj.When))
                        {
                            WriteMembers(writer, obj);
                        }

                        break;
                    case ObjectNode obj:
                        var (contexts, isArray) = Contexts(obj.Data!);
                        for (var i = 0; i < contexts.Count; i++)
                        {
                            EnterContext(contexts, i, isArray);
                            if (!Dropped(obj.When))
                            {
                                WriteMembers(writer, obj);
                            }
                        }

                        break;
                    default:
                        var expanded = Expand(item);
                        if (expanded is List<object?> list)
                        {
                            foreach (var spliced in list)
                            {
                                Js.WriteJson(writer, Js.IsUndefined(spliced) ? null : spliced);
                            }
                        }
                        else if (expanded is not null)
                        {
                            Js.WriteJson(writer, Js.IsUndefined(expanded) ? null : expanded);
                        }

                        break;
                }

                (_data, _index) = (savedData, savedIndex);
            }
        }

        private void WriteMembers(Utf8JsonWriter writer, ObjectNode node)
        {
            writer.WriteStartObject();
            var properties = node.Properties;
            for (var i = 0; i < properties.Length; i++)
            {
                var child = properties[i].Value;
                if (child is ObjectNode or ArrayNode)
                {
                    // Never undefined: an object expands to null, an object or an array, an array to an array.
                    writer.WritePropertyName(node.EncodedKeys[i]);
                    Write(writer, child);
                    continue;
                }

                if (child is Literal { Encoded: { } text })
                {
                    writer.WritePropertyName(node.EncodedKeys[i]);
                    writer.WriteStringValue(text);
                    continue;
                }

                var value = Expand(child);
                if (!Js.IsUndefined(value))
                {
                    writer.WritePropertyName(node.EncodedKeys[i]);
                    Js.WriteJson(writer, value);
                }
            }

            writer.WriteEndObject();
        }

        /// <summary>
        /// $when keeps the element only when it evaluates, without "${path}" substitution, to the boolean true. A $when
        /// that is not an expression drops the element when it is truthy ("true", 1, an object) and keeps it otherwise.
        /// </summary>
        private bool Dropped(Node? when)
        {
            switch (when)
            {
                case null:
                    return false;
                case ExpressionNode expression:
                    var result = Evaluate(expression.Expr, substitute: false);
                    if (result.Broken)
                    {
                        throw new TemplateException("Cannot read properties of undefined (reading 'error')");
                    }

                    return !(result.Error is null && result.Value is true);
                case Literal literal:
                    return Js.Truthy(literal.Value);
                default:
                    return true;
            }
        }

        private JsObject ExpandMembers(ObjectNode node)
        {
            // Sized once: growing the key list and dictionary member by member allocated each several times.
            var result = new JsObject(node.Properties.Length);
            foreach (var (key, child) in node.Properties)
            {
                var value = Expand(child);
                if (!Js.IsUndefined(value))
                {
                    result.Set(key, value);
                }
            }

            return result;
        }

        /// <summary>The value of a whole-value expression; an error stops the expansion, as in the reference.</summary>
        private static object? Value(EvalResult result)
        {
            if (result.Broken)
            {
                throw new TemplateException("Cannot read properties of undefined (reading 'error')");
            }

            return result.Error is null ? result.Value : throw new TemplateException(result.Error);
        }

        private EvalResult Evaluate(Expr expr, bool substitute)
        {
            var scope = _scope;
            scope.MoveTo(Data, _index);
            if (expr.Type != BuiltInFunctions.ConcatType || !substitute)
            {
                return expr.TryEvaluate(scope, substitute);
            }

            // A mixed string: each part is evaluated on its own, and a part that fails is written back as "${...}".
            var builder = new StringBuilder();
            foreach (var child in expr.Children)
            {
                EvalResult part;
                try
                {
                    part = child.TryEvaluate(scope, substitute: true);
                }
                catch (TemplateException ex)
                {
                    part = EvalResult.Fail(ex.Message);
                }

                if (part.Broken)
                {
                    throw new TemplateException("Cannot read properties of undefined (reading 'error')");
                }

                // The reference calls value.toString(), which throws for null and undefined.
                builder.Append(Js.CallToString(part.Error is null ? part.Value : "${" + child + "}"));
            }

            return EvalResult.Ok(builder.ToString());
        }

        private static object? ToValue(Node node) => node switch
        {
            Literal literal => literal.Value,
            ArrayNode array => array.Items.Select(ToValue).ToList(),
            ObjectNode obj => ToObject(obj),
            _ => throw new InvalidOperationException("Expressions in a literal $data are rejected when compiling."),
        };

        private static JsObject ToObject(ObjectNode node)
        {
            var result = new JsObject();
            foreach (var (key, value) in node.All)
            {
                result.Set(key, ToValue(value));
            }

            return result;
        }
    }
}
