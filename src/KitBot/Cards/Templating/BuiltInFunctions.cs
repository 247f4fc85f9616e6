using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace KitBot.Cards.Templating;

/// <summary>
/// The Adaptive Expressions functions KitBot's engine supports, ported from adaptive-expressions 4.23 (the version
/// adaptivecards-templating 2.3.1 runs with) including its quirks: which arguments see "${path}" for an undefined
/// path, which errors are swallowed, and how values are coerced. Other AEL functions are refused when a template is
/// compiled rather than evaluated differently; names AEL does not know fail when evaluated, as in the reference.
/// </summary>
internal static partial class BuiltInFunctions
{
    public const string AccessorType = "Accessor";
    public const string ElementType = "Element";
    public const string ConcatType = "concat";

    public static readonly FunctionDef Constant = new("Constant", ReturnType.Object, (e, _, _) => EvalResult.Ok(e.Value));

    private delegate string? Verify(object? value, Expr child, int position);

    private static readonly FrozenDictionary<string, FunctionDef> Functions = Build();

    // Every name adaptive-expressions 4.23 registers (ExpressionFunctions.standardFunctions).
    private static readonly FrozenSet<string> StandardNames = (
        "abs Accessor + addDays addHours addMinutes addOrdinal addProperty addSeconds addToTime all && any average base64 "
        + "base64ToBinary base64ToString binary bool ceiling coalesce concat contains convertFromUTC convertToUTC count "
        + "countWord createArray dataUri dataUriToBinary dataUriToString date dateReadBack dateTimeDiff dayOfMonth dayOfWeek "
        + "dayOfYear / Element empty endsWith EOL == exists flatten first float floor foreach formatDateTime formatEpoch "
        + "formatNumber formatTicks getFutureTime getNextViableDate getNextViableTime getPastTime getPreviousViableDate "
        + "getPreviousViableTime getProperty getTimeOfDay > >= if ignore indexOf indicesAndValues int intersection isArray "
        + "isBoolean isDate isDateRange isDateTime isDefinite isDuration isFloat isInteger isMatch isObject isPresent "
        + "isString isTime isTimeRange join jPath json jsonStringify last lastIndexOf length < <= max merge min % month * "
        + "newGuid ! != optional || ^ rand range removeProperty replace replaceIgnoreCase reverse round select sentenceCase "
        + "setPathToValue setProperty skip sortBy sortByDescending split sqrt startOfDay startOfHour startOfMonth startsWith "
        + "string stringOrValue subArray substring - subtractFromTime sum take ticks ticksToDays ticksToHours "
        + "ticksToMinutes resolve titleCase toLower toUpper trim union unique uriComponent uriComponentToString uriHost "
        + "uriPath uriPathAndQuery uriPort uriQuery uriScheme utcNow where xml xPath year add mul div sub exp mod and "
        + "equals greater greaterOrEquals less lessOrEquals not or & ??").Split(' ').ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The function for a name, as the reference's lookup resolves it.</summary>
    public static FunctionDef Lookup(string name)
    {
        if (Functions.TryGetValue(name, out var function))
        {
            return function;
        }

        if (StandardNames.Contains(name))
        {
            throw new NotSupportedException(
                $"The Adaptive Expressions function '{name}' is not supported by KitBot's template engine; add it to BuiltInFunctions with tests against the reference.");
        }

        // The reference parses unknown names and fails only when one is evaluated.
        return new FunctionDef(name, ReturnType.String, (_, _, _) => throw new TemplateException("Unknown function " + name));
    }

    private static FrozenDictionary<string, FunctionDef> Build()
    {
        var functions = new List<(FunctionDef Def, string[] Aliases)>
        {
            (new(AccessorType, ReturnType.Object, Accessor, ValidateAccessor), []),
            (new(ElementType, ReturnType.Object, Element, e => Arity(e, 2, 2)), []),
            (new("+", ReturnType.String | ReturnType.Number, ApplySequenceWithError(Add, VerifyNumberOrStringOrNull), e => Arity(e, 2, int.MaxValue, ReturnType.String | ReturnType.Number)), ["add"]),
            (Numeric("-", (a, b) => a - b), ["sub"]),
            (Numeric("*", (a, b) => a * b), ["mul"]),
            (new("/", ReturnType.Number, ApplySequence(Divide, VerifyDivisor), e => Arity(e, 2, int.MaxValue, ReturnType.Number)), ["div"]),
            (new("^", ReturnType.Number, ApplySequence((a, b) => Power(Js.ToNumber(a), Js.ToNumber(b)), VerifyNumberOrNumericList), e => Arity(e, 2, int.MaxValue, ReturnType.Number)), ["exp"]),
            (new("%", ReturnType.Number, ApplyWithError(Mod, VerifyInteger), e => Arity(e, 2, 2, ReturnType.Number)), ["mod"]),
            (Comparison("==", args => Js.CommonEquals(args[0], args[1]), null), ["equals"]),
            (Comparison("!=", args => !Js.CommonEquals(args[0], args[1]), null), []),
            (Comparison("<", args => Compare(args) < 0, VerifyNotNull), ["less"]),
            (Comparison("<=", args => Compare(args) <= 0, VerifyNotNull), ["lessOrEquals"]),
            (Comparison(">", args => Compare(args) > 0, VerifyNotNull), ["greater"]),
            (Comparison(">=", args => Compare(args) >= 0, VerifyNotNull), ["greaterOrEquals"]),
            (new("&&", ReturnType.Boolean, And, e => Arity(e, 1, int.MaxValue)), ["and"]),
            (new("||", ReturnType.Boolean, Or, e => Arity(e, 1, int.MaxValue)), ["or"]),
            (new("!", ReturnType.Boolean, Not, e => Arity(e, 1, 1)), ["not"]),
            (new(ConcatType, ReturnType.String | ReturnType.Array, ApplySequence(Concat, null), e => Arity(e, 1, int.MaxValue)), ["&"]),
            (new("coalesce", ReturnType.Object, Apply(args => args.FirstOrDefault(a => !Js.IsNullish(a), Js.Undefined)), e => Arity(e, 1, int.MaxValue)), ["??"]),
            (new("if", ReturnType.Object, If, e => Arity(e, 3, 3)), []),
            (new("createArray", ReturnType.Array, Apply(args => new List<object?>(args))), []),
            (new("json", ReturnType.Object, Apply(ParseJson), e => Order(e, [], ReturnType.String)), []),
            (new("setProperty", ReturnType.Object, Apply(SetProperty), e => Order(e, [], ReturnType.Object, ReturnType.String, ReturnType.Object)), []),
            (new("count", ReturnType.Number, Apply(Count, VerifyContainer), e => Order(e, [], ReturnType.String | ReturnType.Array)), []),
            (new("length", ReturnType.Number, Apply(args => (double)Str(args[0]).Length, VerifyStringOrNull), e => Arity(e, 1, 1, ReturnType.String)), []),
            (Comparison("empty", args => IsEmpty(args[0]), VerifyContainerOrNull, e => Arity(e, 1, 1)), []),
            (Comparison("exists", args => !Js.IsNullish(args[0]), VerifyNotNull, e => Arity(e, 1, 1)), []),
            (new("contains", ReturnType.Boolean, Contains, e => Arity(e, 2, 2)), []),
            (new("first", ReturnType.Object, Apply(args => Edge(args[0], first: true)), e => Arity(e, 1, 1)), []),
            (new("last", ReturnType.Object, Apply(args => Edge(args[0], first: false)), e => Arity(e, 1, 1)), []),
            (new("join", ReturnType.String, JoinItems, e => Order(e, [ReturnType.String], ReturnType.Array, ReturnType.String)), []),
            (new("toUpper", ReturnType.String, Apply(args => ChangeCase(args, upper: true), VerifyStringOrNull), e => Arity(e, 1, 2, ReturnType.String)), []),
            (new("toLower", ReturnType.String, Apply(args => ChangeCase(args, upper: false), VerifyStringOrNull), e => Arity(e, 1, 2, ReturnType.String)), []),
            (new("trim", ReturnType.String, Apply(args => Js.Trim(Str(args[0])), VerifyStringOrNull), e => Arity(e, 1, 1, ReturnType.String)), []),
            (new("replace", ReturnType.String, ApplyWithError(Replace, VerifyStringOrNull), e => Arity(e, 3, 3, ReturnType.String)), []),
            (new("substring", ReturnType.String, Substring, e => Order(e, [ReturnType.Number], ReturnType.String, ReturnType.Number)), []),
            (new("startsWith", ReturnType.Boolean, Apply(args => Str(args[0]).StartsWith(Str(args[1]), StringComparison.Ordinal), VerifyStringOrNull), e => Arity(e, 2, 2, ReturnType.String)), []),
            (new("endsWith", ReturnType.Boolean, Apply(args => Str(args[0]).EndsWith(Str(args[1]), StringComparison.Ordinal), VerifyStringOrNull), e => Arity(e, 2, 2, ReturnType.String)), []),
            (new("indexOf", ReturnType.Number, IndexOf, e => Order(e, [], ReturnType.String | ReturnType.Array, ReturnType.Object)), []),
            (new("split", ReturnType.Array, Apply(Split, VerifyStringOrNull), e => Arity(e, 1, 2, ReturnType.String)), []),
            (new("string", ReturnType.String, Apply(ToStringFunction), e => Order(e, [ReturnType.String], ReturnType.Object)), []),
            (new("int", ReturnType.Number, ApplyWithError(ToInt), e => Arity(e, 1, 1)), []),
            (new("float", ReturnType.Number, ApplyWithError(ToFloat), e => Arity(e, 1, 1)), []),
            (Comparison("bool", args => ToBool(args[0]), null, e => Arity(e, 1, 1)), []),
            (new("formatNumber", ReturnType.String, ApplyWithError(FormatNumber), e => Order(e, [ReturnType.String], ReturnType.Number, ReturnType.Number)), []),
            (new("jsonStringify", ReturnType.String, Apply(args => Js.JsonStringify(args[0]) ?? Js.Undefined), e => Arity(e, 1, 1)), []),
            (new("max", ReturnType.Number, Apply(args => Extreme(args, max: true), VerifyNumberOrNumericList), e => Arity(e, 1, int.MaxValue)), []),
            (new("min", ReturnType.Number, Apply(args => Extreme(args, max: false), VerifyNumberOrNumericList), e => Arity(e, 1, int.MaxValue)), []),
            (NumberTransform("abs", Math.Abs), []),
            (NumberTransform("floor", Math.Floor), []),
            (NumberTransform("ceiling", Math.Ceiling), []),
            (new("round", ReturnType.Number, ApplyWithError(RoundTo, VerifyNumber), e => Arity(e, 1, 2, ReturnType.Number)), []),
            (TypeTest("isString", v => v is string), []),
            (TypeTest("isArray", v => v is List<object?>), []),
            (TypeTest("isObject", Js.IsTypeofObject), []),
            (TypeTest("isBoolean", v => v is bool), []),
            (TypeTest("isInteger", v => Js.IsNumber(v) && Js.IsInteger(v)), []),
            (TypeTest("isFloat", v => Js.IsNumber(v) && !Js.IsInteger(v)), []),
        };

        var table = new Dictionary<string, FunctionDef>(StringComparer.Ordinal);
        foreach (var (def, aliases) in functions)
        {
            table.Add(def.Type, def);
            foreach (var alias in aliases)
            {
                table.Add(alias, def);
            }
        }

        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }

    // ---- Validation when a template is compiled (FunctionUtils.validate*) ----

    private static void Arity(Expr e, int min, int max, ReturnType type = ReturnType.Object)
    {
        if (e.Children.Length < min || e.Children.Length > max)
        {
            throw new TemplateException($"{e} should have between {min} and {max} children.");
        }

        if ((type & ReturnType.Object) == 0)
        {
            foreach (var child in e.Children)
            {
                CheckType(e, child, type);
            }
        }
    }

    private static void Order(Expr e, ReturnType[] optional, params ReturnType[] types)
    {
        if (e.Children.Length < types.Length || e.Children.Length > types.Length + optional.Length)
        {
            throw new TemplateException($"{e} should have between {types.Length} and {types.Length + optional.Length} children.");
        }

        for (var i = 0; i < e.Children.Length; i++)
        {
            CheckType(e, e.Children[i], i < types.Length ? types[i] : optional[i - types.Length]);
        }
    }

    // A member of something that is known not to be an object ('s'.length, (1).x) is refused when parsed.
    private static void ValidateAccessor(Expr e)
    {
        if (e.Children.Length is 0 or > 2 || e.Children[0] is not { IsConstant: true, Value: string })
        {
            throw new TemplateException($"{e} must have a string as first argument.");
        }

        if (e.Children.Length == 2 && (e.Children[1].ReturnType & ReturnType.Object) == 0)
        {
            throw new TemplateException($"{e} must have an object as its second argument.");
        }
    }

    private static void CheckType(Expr e, Expr child, ReturnType type)
    {
        if ((type & ReturnType.Object) == 0 && (child.ReturnType & ReturnType.Object) == 0 && (type & child.ReturnType) == 0)
        {
            throw new TemplateException($"{child} is not a {type} expression in {e}.");
        }
    }

    // ---- Evaluation plumbing (FunctionUtils.apply*, evaluateChildren) ----

    /// <summary>Evaluates a child as a caller that destructures its result: a broken result throws.</summary>
    private static EvalResult Child(Expr child, Scope scope, bool substitute)
    {
        var result = child.TryEvaluate(scope, substitute);
        if (result.Broken)
        {
            throw new TemplateException("Cannot destructure property 'value' of undefined.");
        }

        return result;
    }

    private static (List<object?> Args, string? Error) Children(Expr e, Scope scope, bool substitute, Verify? verify)
    {
        var args = new List<object?>(e.Children.Length);
        for (var i = 0; i < e.Children.Length; i++)
        {
            var (value, error, _) = Child(e.Children[i], scope, substitute);
            error ??= verify?.Invoke(value, e.Children[i], i);
            if (error is not null)
            {
                return (args, error);
            }

            args.Add(value);
        }

        return (args, null);
    }

    private static Func<Expr, Scope, bool, EvalResult> Apply(Func<List<object?>, object?> func, Verify? verify = null) =>
        ApplyWithError(args => EvalResult.Ok(func(args)), verify);

    private static Func<Expr, Scope, bool, EvalResult> ApplyWithError(Func<List<object?>, EvalResult> func, Verify? verify = null) =>
        (e, scope, substitute) =>
        {
            var (args, error) = Children(e, scope, substitute, verify);
            if (error is not null)
            {
                return EvalResult.Fail(error);
            }

            try
            {
                return func(args);
            }
            catch (TemplateException ex)
            {
                // apply() catches what its function throws and reports it as the error.
                return EvalResult.Fail(ex.Message);
            }
        };

    private static Func<Expr, Scope, bool, EvalResult> ApplySequence(Func<object?, object?, object?> func, Verify? verify) =>
        Apply(args => args.Skip(1).Aggregate(args.Count > 0 ? args[0] : Js.Undefined, func), verify);

    private static Func<Expr, Scope, bool, EvalResult> ApplySequenceWithError(Func<object?, object?, EvalResult> func, Verify? verify) =>
        ApplyWithError(args =>
        {
            var soFar = args.Count > 0 ? args[0] : Js.Undefined;
            for (var i = 1; i < args.Count; i++)
            {
                var result = func(soFar, args[i]);
                if (result.Error is not null)
                {
                    return result;
                }

                soFar = result.Value;
            }

            return EvalResult.Ok(soFar);
        }, verify);

    /// <summary>ComparisonEvaluator: no "${path}" substitution, and a failing argument makes the result false.</summary>
    private static FunctionDef Comparison(string type, Func<List<object?>, bool> func, Verify? verify, Action<Expr>? validate = null) =>
        new(type, ReturnType.Boolean, (e, scope, _) =>
        {
            var (args, error) = Children(e, scope, false, verify);
            if (error is not null)
            {
                return EvalResult.Ok(false);
            }

            try
            {
                return EvalResult.Ok(func(args));
            }
            catch (TemplateException ex)
            {
                return new EvalResult(false, ex.Message);
            }
        }, validate ?? (e => Arity(e, 2, 2)));

    private static FunctionDef Numeric(string type, Func<double, double, double> func) =>
        new(type, ReturnType.Number, ApplySequence((a, b) => func(Js.ToNumber(a), Js.ToNumber(b)), VerifyNumber),
            e => Arity(e, 2, int.MaxValue, ReturnType.Number));

    private static FunctionDef NumberTransform(string type, Func<double, double> func) =>
        new(type, ReturnType.Number, Apply(args => func((double)args[0]!), VerifyNumber), e => Arity(e, 1, 1, ReturnType.Number));

    private static FunctionDef TypeTest(string type, Func<object?, bool> test) =>
        new(type, ReturnType.Boolean, Apply(args => test(args[0])), e => Arity(e, 1, 1));

    // ---- Verifiers (FunctionUtils.verify*) ----

    private static string? VerifyNumber(object? value, Expr child, int position) =>
        Js.IsNumber(value) ? null : $"{child} is not a number.";

    private static string? VerifyDivisor(object? value, Expr child, int position) =>
        VerifyNumber(value, child, position) ?? (position > 0 && (double)value! == 0 ? $"Cannot divide by 0 from {child}" : null);

    private static string? VerifyNumberOrNumericList(object? value, Expr child, int position) =>
        Js.IsNumber(value) || (value is List<object?> list && list.All(Js.IsNumber)) ? null : $"{child} is neither a list nor a number.";

    private static string? VerifyContainer(object? value, Expr child, int position) =>
        value is string || Js.IsTypeofObject(value) ? null : $"{child} must be a string, list, map or object.";

    private static string? VerifyContainerOrNull(object? value, Expr child, int position) =>
        Js.IsNullish(value) || value is string || Js.IsTypeofObject(value) ? null : $"{child} must be a string, list, map or object.";

    private static string? VerifyNotNull(object? value, Expr child, int position) =>
        Js.IsNullish(value) ? $"{child} is null." : null;

    private static string? VerifyInteger(object? value, Expr child, int position) =>
        Js.IsInteger(value) ? null : $"{child} is not a integer.";

    private static string? VerifyStringOrNull(object? value, Expr child, int position) =>
        value is string || Js.IsUndefined(value) ? null : $"{child} is neither a string nor a null object.";

    private static string? VerifyNumberOrStringOrNull(object? value, Expr child, int position) =>
        value is string || Js.IsUndefined(value) || Js.IsNumber(value) ? null : $"{child} is neither a number nor string";

    /// <summary>parseStringOrUndefined: the string, or "" for anything else.</summary>
    private static string Str(object? value) => value as string ?? "";

    // ---- Paths ----

    private static EvalResult Accessor(Expr e, Scope scope, bool substitute)
    {
        if (e.StaticPath is var (staticPath, segments))
        {
            var found = Access.GetPath(scope, segments);
            return EvalResult.Ok(Js.IsUndefined(found) && substitute ? "${" + staticPath + "}" : found);
        }

        var (path, left, error) = AccumulatePath(e, scope, substitute);
        if (error is not null)
        {
            return EvalResult.Fail(error);
        }

        object? value;
        if (left is null)
        {
            value = scope.GetValue(path!);
        }
        else
        {
            var instance = Child(left, scope, substitute);
            if (instance.Error is not null)
            {
                return EvalResult.Fail(instance.Error);
            }

            value = Access.GetPath(instance.Value, path!);
        }

        // wrapGetValue: an undefined path is written back as "${path}" where substitution is on.
        if (Js.IsUndefined(value) && substitute)
        {
            value = "${" + path + "}";
        }

        return EvalResult.Ok(value);
    }

    /// <summary>FunctionUtils.tryAccumulatePath: turns a chain of accessors and indexers into one path string.</summary>
    private static (string? Path, Expr? Left, string? Error) AccumulatePath(Expr e, Scope scope, bool substitute)
    {
        var path = "";
        Expr? left = e;
        while (left is not null)
        {
            if (left.Type == AccessorType)
            {
                path = Js.ToJsString(left.Children[0].Value) + "." + path;
                left = left.Children.Length == 2 ? left.Children[1] : null;
            }
            else if (left.Type == ElementType)
            {
                var (value, error, _) = Child(left.Children[1], scope, substitute);
                if (error is not null)
                {
                    return (null, null, error);
                }

                if (Js.IsNumber(Js.ParseInt(Js.ToJsString(value))))
                {
                    path = "[" + Js.ToJsString(value) + "]." + path;
                }
                else if (value is string s)
                {
                    path = "['" + s + "']." + path;
                }
                else
                {
                    return (null, null, $"{left.Children[1]} doesn't return an int or string");
                }

                left = left.Children[0];
            }
            else
            {
                break;
            }
        }

        path = path.TrimEnd('.').Replace(".[", "[", StringComparison.Ordinal);
        return (path.Length == 0 ? null : path, left, null);
    }

    private static EvalResult Element(Expr e, Scope scope, bool substitute)
    {
        var instance = Child(e.Children[0], scope, substitute);
        if (instance.Error is not null)
        {
            // AEL's Element returns nothing at all here; its caller then throws.
            return EvalResult.BrokenResult;
        }

        var (index, error, _) = Child(e.Children[1], scope, false);
        if (error is not null)
        {
            return EvalResult.Fail(error);
        }

        var (value, accessError) = Js.IsInteger(index) ? Access.AccessIndex(instance.Value, (double)index!)
            : index is string name ? Access.AccessProperty(instance.Value, name)
            : (Js.Undefined, $"Could not coerce {e.Children[1]} to an int or string.");
        return new EvalResult(value, accessError);
    }

    // ---- Operators and logic ----

    private static EvalResult Add(object? a, object? b)
    {
        if ((Js.IsNullish(a) && Js.IsNumber(b)) || (Js.IsNullish(b) && Js.IsNumber(a)))
        {
            return EvalResult.Fail("Operator '+' or add cannot be applied to operands of type 'number' and null object.");
        }

        if (Js.IsNumber(a) && Js.IsNumber(b))
        {
            return EvalResult.Ok((double)a! + (double)b!);
        }

        return EvalResult.Ok((Js.IsNullish(a), Js.IsNullish(b)) switch
        {
            (true, true) => "",
            (true, false) => Js.CallToString(b),
            (false, true) => Js.CallToString(a),
            _ => Js.CallToString(a) + Js.CallToString(b),
        });
    }

    private static object? Divide(object? a, object? b)
    {
        var result = Js.ToNumber(a) / Js.ToNumber(b);
        return Js.IsInteger(a) && Js.IsInteger(b) ? Math.Floor(result) : result;
    }

    private static EvalResult Mod(List<object?> args) =>
        Js.ToNumber(args[1]) == 0 ? EvalResult.Fail("Cannot mod by 0.") : EvalResult.Ok((double)args[0]! % (double)args[1]!);

    // Math.pow differs from .NET's Math.Pow for a NaN exponent and for ±1 raised to an infinity.
    private static double Power(double a, double b) =>
        double.IsNaN(b) || (Math.Abs(a) == 1 && double.IsInfinity(b)) ? double.NaN : Math.Pow(a, b);

    private static int Compare(List<object?> args) => (args[0], args[1]) switch
    {
        (double a, double b) when !double.IsNaN(a) && !double.IsNaN(b) => a.CompareTo(b),
        (string a, string b) => string.CompareOrdinal(a, b),
        _ => throw new TemplateException($"{Js.ToJsString(args[0])} and {Js.ToJsString(args[1])} must be comparable."),
    };

    private static EvalResult And(Expr e, Scope scope, bool substitute)
    {
        foreach (var child in e.Children)
        {
            var (value, error, _) = Child(child, scope, false);
            if (error is not null || !Js.IsLogicTrue(value))
            {
                return EvalResult.Ok(false);
            }
        }

        return EvalResult.Ok(true);
    }

    // Or's result is the last argument's value when none is true (false, null, or undefined after an error).
    private static EvalResult Or(Expr e, Scope scope, bool substitute)
    {
        object? result = false;
        foreach (var child in e.Children)
        {
            (result, var error, _) = Child(child, scope, false);
            if (error is null && Js.IsLogicTrue(result))
            {
                return EvalResult.Ok(true);
            }
        }

        return EvalResult.Ok(result);
    }

    private static EvalResult Not(Expr e, Scope scope, bool substitute)
    {
        var (value, error, _) = Child(e.Children[0], scope, false);
        return EvalResult.Ok(error is not null || !Js.IsLogicTrue(value));
    }

    private static EvalResult If(Expr e, Scope scope, bool substitute)
    {
        var (value, error, _) = Child(e.Children[0], scope, false);
        return Child(error is null && Js.IsLogicTrue(value) ? e.Children[1] : e.Children[2], scope, substitute);
    }

    // ---- Strings, collections and conversions ----

    private static object? Concat(object? a, object? b)
    {
        var listA = a as List<object?>;
        var listB = b as List<object?>;
        if (Js.IsNullish(a) && Js.IsNullish(b))
        {
            return Js.Undefined;
        }

        if (Js.IsNullish(a) && listB is not null)
        {
            return listB;
        }

        if (Js.IsNullish(b) && listA is not null)
        {
            return listA;
        }

        if (listA is not null && listB is not null)
        {
            return new List<object?>(listA.Concat(listB));
        }

        return Js.CommonStringify(a) + Js.CommonStringify(b);
    }

    private static object? ParseJson(List<object?> args)
    {
        if (args[0] is not string text)
        {
            throw new TemplateException("args[0].trim is not a function");
        }

        try
        {
            using var document = JsonDocument.Parse(Js.Trim(text), new JsonDocumentOptions { MaxDepth = 1024 });
            return Js.FromJson(document.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new TemplateException(ex.Message);
        }
    }

    private static object? SetProperty(List<object?> args)
    {
        switch (args[0])
        {
            case JsObject obj:
                obj.Set(Js.ToJsString(args[1]), args[2]);
                return obj;
            case List<object?> list:
                // A named property on an array is invisible to JSON; an index within it replaces the item.
                if (Js.TryParseArrayIndex(Js.ToJsString(args[1]), out var index) && index < list.Count)
                {
                    list[(int)index] = args[2];
                }

                return list;
            default:
                throw new TemplateException($"Cannot create property '{Js.ToJsString(args[1])}' on {Js.ToJsString(args[0])}");
        }
    }

    private static object? Count(List<object?> args) => args[0] switch
    {
        string s => (double)s.Length,
        List<object?> list => (double)list.Count,
        JsObject obj => (double)obj.Count,
        _ => throw new TemplateException("Cannot convert undefined or null to object"),
    };

    private static bool IsEmpty(object? value) => value switch
    {
        string s => s.Length == 0,
        List<object?> list => list.Count == 0,
        JsObject obj => obj.Count == 0,
        _ => true,
    };

    private static EvalResult Contains(Expr e, Scope scope, bool substitute)
    {
        var (args, error) = Children(e, scope, substitute, null);
        if (error is not null)
        {
            return EvalResult.Ok(false);
        }

        var found = (args[0], args[1]) switch
        {
            (string s, string part) => s.Contains(part, StringComparison.Ordinal),
            (List<object?> list, var item) => list.Any(x => Js.CommonEquals(x, item)),
            (var instance, string name) => !Js.IsUndefined(Access.AccessProperty(instance, name).Value),
            _ => false,
        };
        return EvalResult.Ok(found);
    }

    private static object? Edge(object? value, bool first) => value switch
    {
        string { Length: > 0 } s => (first ? s[0] : s[^1]).ToString(),
        List<object?> { Count: > 0 } list => first ? list[0] : list[^1],
        _ => Js.Undefined,
    };

    private static EvalResult JoinItems(Expr e, Scope scope, bool substitute)
    {
        var (args, error) = Children(e, scope, substitute, null);
        if (error is not null)
        {
            return EvalResult.Fail(error);
        }

        if (args[0] is not List<object?> list)
        {
            return EvalResult.Fail($"{e.Children[0]} evaluates to {Js.ToJsString(args[0])} which is not a list.");
        }

        if (args.Count == 2)
        {
            return EvalResult.Ok(Js.Join(list, Separator(args[1])));
        }

        if (list.Count < 3)
        {
            return EvalResult.Ok(Js.Join(list, Separator(args[2])));
        }

        // String.prototype.concat: the last item is converted with ToString, so null becomes "null" here.
        return EvalResult.Ok(Js.Join(list.Take(list.Count - 1), Separator(args[1])) + Js.ToJsString(args[2]) + Js.ToJsString(list[^1]));

        static string Separator(object? separator) => Js.IsUndefined(separator) ? "," : Js.ToJsString(separator);
    }

    private static object? ChangeCase(List<object?> args, bool upper)
    {
        if (args.Count == 2 && args[1] is string locale)
        {
            CheckCaseLocale(locale);
        }

        var text = Str(args[0]);
        return upper ? JsCase.ToUpper(text) : JsCase.ToLower(text);
    }

    private static void CheckCaseLocale(string locale)
    {
        if (!LocaleTag().IsMatch(locale))
        {
            throw new TemplateException("Incorrect locale information provided");
        }

        var language = locale.Split('-')[0].ToLowerInvariant();
        if (language is "tr" or "az" or "lt")
        {
            throw new NotSupportedException($"Locale-specific casing for '{locale}' is not supported by KitBot's template engine.");
        }
    }

    [GeneratedRegex("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LocaleTag();

    private static EvalResult Replace(List<object?> args)
    {
        var search = Str(args[1]);
        if (search.Length == 0)
        {
            return EvalResult.Fail($"{Js.ToJsString(args[1])} should be a string with length at least 1");
        }

        return EvalResult.Ok(Str(args[0]).Replace(search, Str(args[2]), StringComparison.Ordinal));
    }

    private static EvalResult Substring(Expr e, Scope scope, bool substitute)
    {
        var (value, error, _) = Child(e.Children[0], scope, substitute);
        if (error is not null)
        {
            return EvalResult.Fail(error);
        }

        if (Js.IsUndefined(value))
        {
            return EvalResult.Ok("");
        }

        if (value is not string s)
        {
            return EvalResult.Fail($"{e.Children[0]} is neither a string nor a null object.");
        }

        var (start, startError, _) = Child(e.Children[1], scope, substitute);
        if (startError is not null)
        {
            return EvalResult.Fail(startError);
        }

        if (!Js.IsInteger(start) || (double)start! < 0 || (double)start > s.Length)
        {
            return EvalResult.Fail($"{e.Children[1]} is not an integer in range.");
        }

        var from = (int)(double)start;
        var length = (double)(s.Length - from);
        if (e.Children.Length == 3)
        {
            var (count, countError, _) = Child(e.Children[2], scope, substitute);
            if (countError is not null)
            {
                return EvalResult.Fail(countError);
            }

            if (!Js.IsInteger(count) || (double)count! < 0 || from + (double)count > s.Length)
            {
                return EvalResult.Fail($"{e.Children[2]} is not an integer in range.");
            }

            length = (double)count;
        }

        return EvalResult.Ok(s.Substring(from, (int)length));
    }

    private static EvalResult IndexOf(Expr e, Scope scope, bool substitute)
    {
        var (args, error) = Children(e, scope, substitute, null);
        if (error is not null)
        {
            return new EvalResult(-1.0, error);
        }

        if (Js.IsNullish(args[0]) || args[0] is string)
        {
            return args[1] is string || Js.IsUndefined(args[1])
                ? EvalResult.Ok((double)Str(args[0]).IndexOf(Str(args[1]), StringComparison.Ordinal))
                : new EvalResult(-1.0, $"Can only look for indexof string in {e}");
        }

        if (args[0] is List<object?> list)
        {
            return EvalResult.Ok((double)list.FindIndex(x => Js.StrictEquals(x, args[1])));
        }

        return new EvalResult(-1.0, $"{e} works only on string or list.");
    }

    private static object? Split(List<object?> args)
    {
        var text = Str(args[0]);
        var separator = Str(Js.Truthy(args.Count > 1 ? args[1] : Js.Undefined) ? args[1] : "");
        if (separator.Length == 0)
        {
            return text.Select(c => (object?)c.ToString()).ToList();
        }

        return text.Split(separator).Select(part => (object?)part).ToList();
    }

    private static object? ToStringFunction(List<object?> args)
    {
        var locale = args.Count == 2 && args[1] is string l ? l : NumberFormat.DefaultLocale;
        return args[0] switch
        {
            string s => s,
            double d when !double.IsNaN(d) => NumberString(d, locale),
            var other => Js.CommonStringify(other),
        };

        // string(number) keeps as many decimals as JavaScript prints, formatted with grouping by d3-format.
        static string NumberString(double value, string locale)
        {
            var text = Js.NumberToString(value);
            var dot = text.IndexOf('.');
            return NumberFormat.Fixed(value, dot < 0 ? 0 : text.Length - dot - 1, locale);
        }
    }

    private static EvalResult ToInt(List<object?> args)
    {
        switch (args[0])
        {
            case string s:
                var parsed = Js.ParseInt(s, allowHex: false);
                return double.IsNaN(parsed) ? EvalResult.Fail($"parameter {s} is not a valid number string.") : EvalResult.Ok(parsed);
            case double d when !double.IsNaN(d):
                return EvalResult.Ok(Js.ParseInt(Js.NumberToString(d), allowHex: false));
            default:
                return EvalResult.Ok(Js.Undefined);
        }

    }

    private static EvalResult ToFloat(List<object?> args) => args[0] switch
    {
        string s when Js.ParseFloat(s) is var parsed && !double.IsNaN(parsed) => EvalResult.Ok(parsed),
        string s => EvalResult.Fail($"parameter {s} is not a valid number string."),
        double d when !double.IsNaN(d) => EvalResult.Ok(d),
        _ => EvalResult.Ok(Js.Undefined),
    };

    private static bool ToBool(object? value)
    {
        if (Js.IsNumber(value))
        {
            return (double)value! != 0;
        }

        // /false/i.test(value) on the value converted to a string; without the u flag only ASCII letters fold.
        if (ContainsAsciiFalse(Js.ToJsString(value)))
        {
            return false;
        }

        return Js.IsLogicTrue(value);

        static bool ContainsAsciiFalse(string text)
        {
            for (var i = 0; i + 5 <= text.Length; i++)
            {
                var match = true;
                for (var j = 0; j < 5 && match; j++)
                {
                    match = text[i + j] < 0x80 && char.ToLowerInvariant(text[i + j]) == "false"[j];
                }

                if (match)
                {
                    return true;
                }
            }

            return false;
        }
    }

    private static EvalResult FormatNumber(List<object?> args)
    {
        // formatNumber reports its own errors with a null value (which or() can pass on).
        if (!Js.IsNumber(args[0]))
        {
            return new EvalResult(null, $"formatNumber first argument {Js.ToJsString(args[0])} must be a number");
        }

        if (!Js.IsNumber(args[1]))
        {
            return new EvalResult(null, $"formatNumber second argument {Js.ToJsString(args[1])} must be a number");
        }

        var value = (double)args[0]!;
        var precision = (double)args[1]!;
        var locale = args.Count == 3 && args[2] is string l ? l : NumberFormat.DefaultLocale;

        // d3-format only accepts a precision written as plain digits (",.2f"), so negative or fractional ones fail.
        if (!Js.NumberToString(precision).All(char.IsAsciiDigit))
        {
            return EvalResult.Fail($"invalid format: ,.{Js.NumberToString(precision)}f");
        }

        var scale = Math.Pow(10, precision);
        var rounded = Js.Round(value * scale) / scale;
        return EvalResult.Ok(NumberFormat.Fixed(rounded, (int)Math.Min(precision, 100), locale));
    }

    private static object? Extreme(List<object?> args, bool max)
    {
        var result = max ? double.NegativeInfinity : double.PositiveInfinity;
        foreach (var arg in args)
        {
            foreach (var item in arg is List<object?> list ? list : [arg])
            {
                result = max ? Math.Max(result, (double)item!) : Math.Min(result, (double)item!);
            }
        }

        return result;
    }

    private static EvalResult RoundTo(List<object?> args)
    {
        if (args.Count == 2 && !Js.IsInteger(args[1]))
        {
            return EvalResult.Fail($"The second parameter {Js.ToJsString(args[1])} must be an integer.");
        }

        var digits = args.Count == 2 ? (double)args[1]! : 0;
        if (digits is < 0 or > 15)
        {
            return EvalResult.Fail($"The second parameter {Js.ToJsString(args[1])} must be an integer between 0 and 15;");
        }

        var scale = Math.Pow(10, digits);
        return EvalResult.Ok(Js.Round((double)args[0]! * scale) / scale);
    }
}
