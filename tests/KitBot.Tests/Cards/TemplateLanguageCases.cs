using System.Text.Json.Nodes;

namespace KitBot.Tests.Cards;

/// <summary>
/// Small templates that pin the templating language beyond KitBot's own cards: each is expanded by the reference
/// implementation and by KitBot's engine and must come out the same (or fail in both). Expressions are tried both as
/// a whole value ("${e}", which keeps the value's type) and inside a string ("v ${e} w").
/// </summary>
public static class TemplateLanguageCases
{
    private const string ExpressionData = """
        {
          "x": 3, "y": 1.5, "s": "Hello World", "arr": ["a", "b", "c"], "nul": null, "t": true, "f": 0.1, "n": -2,
          "obj": { "k": "v", "K": "V2", "1": "one", "x": { "y": 2 } },
          "items": [{ "n": 1, "title": "One" }, { "n": 2 }], "empty": [], "emptyObj": {},
          "zh": "你好，世界", "ar": "مرحبا بالعالم", "name": "Zoë", "mixed": "ΣΑΣ straße İstanbul ﬁ",
          "q": "it's \"quoted\"", "big": 12345678901234567890, "tiny": 1e-7, "neg": -0.5, "huge": 1e21, "money": 1234567.891,
          "numText": "42abc", "floatText": "3.5x", "csv": "a,b,,c", "jsonText": " {\"b\": 1, \"2\": 2, \"b\": 3} "
        }
        """;

    private static readonly string[] Expressions =
    [
        // Paths: dots, indexers, case-insensitive names, the memory's own names, undefined paths.
        "x", "y", "s", "arr", "obj", "missing", "missing.deeper", "obj.k", "obj.K", "OBJ.k", "obj.x.y", "obj.x.z",
        "obj['k']", "obj[\"x\"].y", "obj['1']", "obj[1]", "arr[0]", "arr[2]", "arr[3]", "arr[-1]", "arr[1.5]", "arr.length",
        "s.length", "s[0]", "items[0].n", "items[0]['title']", "items[1].title", "items[5]", "items[5].n", "items[5][0]",
        "nul.x", "nul[0]", "obj[missing].k", "$root.x", "$data.x", "$DATA.x", "$root['x']", "$data", "$index", "$host",
        "$_acTemplateVersion", "$x", "@x", "#x", "empty", "emptyObj",

        // Literals.
        "1", "1.0", "1.50", "007", "'str'", "\"dq\"", "'it\\'s'", "\"say \\\"hi\\\"\"", "'a\\nb\\tc\\\\d\\x'", "'a\"b'", "''",
        "true", "false", "null", "undefined", "[1, 2]", "[]", "{a: 1, 'b c': x}", "{}", "{a: {b: [1, {c: 2}]}}.a.b[1].c",
        "5.", "1.2.3", "1e3", "'unterminated",

        // Operators and precedence.
        "3/2", "3.0/2", "7.5/2", "x/0", "7 % 3", "7%3", "-7 % 3", "7 % 2.5", "2^10", "2^3^2", "-2^2", "2^0.5",
        "1 + 2 * 3 - 4 / 2", "0.1 + 0.2", "-x", "+x", "+'a'", "-'a'", "-missing", "!x", "!missing", "!nul", "!0",
        "x == 3", "1 == 1.0", "'a' == 'A'", "x != 3", "x <> 3", "x >= 3", "x <= 2", "x < 'a'", "missing < 3", "'a' > 'B'",
        "'b' < 'a'", "1 < 2 == true", "1 < 2 && 2 < 3 || false", "!x == false", "x && missing", "x || missing",
        "x > 1 ? 'y' : 'n'", "true ? 1 : false ? 2 : 3", "false ? 1 : true ? 2 : 3", "missing ? 1 : 2", "x ?? 5",
        "nul ?? 'd'", "missing ?? 'd'", "'a' & 'b'", "'a' & 1 & true", "'a' & missing", "'a' & nul", "x & [1]",
        "1 + 'a'", "'a' + 1.5", "'a' + nul", "nul + nul", "1 + nul", "missing + 1", "'a' + missing", "(x + 1) * 2",

        // Logic and comparison functions.
        "if(x, 'a', 'b')", "if(missing, 'a', 'b')", "if(0, 'a', 'b')", "if('', 'a', 'b')", "if(nul, 'a', 'b')",
        "if(x == 3, missing, 'b')", "and(x, missing)", "and(true)", "and(1, 'a', [])", "or(missing, x)", "or(false, nul)",
        "or(false, missing)", "or(false, formatNumber('a', 1))", "or(false, 1 < 'a')", "not(0)", "not(nul)", "not(missing)",
        "equals(missing, nul)", "equals(1, '1')", "equals([1, 2], createArray(1, 2))", "equals({a: 1}, json('{\"a\":1}'))",
        "equals(obj, obj)", "equals(items[0], json('{\"title\":\"One\",\"n\":1}'))", "greater(2, 1)", "less(1, 2)",
        "greaterOrEquals(1, 1)", "lessOrEquals('a', 'a')", "exists(x)", "exists(missing)", "exists(nul)",
        "empty('')", "empty(' ')", "empty([])", "empty(missing)", "empty(nul)", "empty({})", "empty(0)", "empty(x)",
        "empty(empty)", "empty(emptyObj)", "contains('hello', 'ell')", "contains(arr, 'b')", "contains(obj, 'K')",
        "contains(obj, 'nope')", "contains(items, json('{\"n\":2}'))", "contains(x, 1)",

        // Collections.
        "count('abc')", "count([1, 2])", "count({a: 1})", "count(obj)", "count(missing)", "count(nul)", "count(5)",
        "count(zh)", "length('abc')", "length(missing)", "length(5)", "length(ar)", "first(arr)", "first(s)",
        "first(empty)", "last(arr)", "last(zh)", "last(5)", "join(arr, ', ')", "join(arr, ', ', ' and ')",
        "join(createArray(1), ', ', ' and ')", "join(createArray(1, 2), ', ', ' and ')", "join(missing, ',')",
        "join(createArray(nul, 'a', [1, 2], {}), '-')", "join(createArray(1, 2, nul), ', ', ' and ')", "join(arr, 1)",
        "createArray(1, 'a', x)", "createArray()", "createArray(1, 2)[1]", "[1, 2][0]", "indexOf('hello', 'l')",
        "indexOf('hello', '')", "indexOf(arr, 'c')", "indexOf(items, 5)", "indexOf(5, 'a')", "indexOf(missing, '}')",
        "split(csv, ',')", "split('abc', '')", "split('', ',')", "split(missing)", "split(zh, '，')",
        "concat('a', 1, true, nul, [1], {})", "concat([1], [2], nul)", "concat(nul, nul)", "concat(missing)",
        "concat(missing, 'x')", "concat(5)", "concat(arr, empty)", "concat(zh, '!')", "coalesce(nul, missing, 'z')",
        "coalesce(nul, 'z')", "coalesce(nul)", "max(1, 5, 3)", "max(createArray(1, 9), 2)", "min(createArray())",
        "max(createArray())", "min(n, x)",

        // Strings.
        "toUpper('ß straße ﬁ ǰ')", "toLower('ΣΑΣ ΟΔΟΣ. İ')", "toUpper(mixed)", "toLower(mixed)", "toUpper(zh)",
        "toUpper(ar)", "toUpper(name)", "toLower(name)", "toUpper(missing)", "toUpper(nul)", "toUpper(x)",
        "toUpper('abc', 'en-GB')", "toUpper('abc', 'not a locale')", "trim('  a b  ')", "trim('\u00a0a\u2003')",
        "trim(missing)", "replace('aXbXc', 'X', '-')", "replace('abc', '', '-')", "replace(q, '\"', '')",
        "replace(missing, '$', '')", "substring('hello', 1, 3)", "substring('hello', 1)", "substring('hello', 4, 3)",
        "substring('hello', -1)", "substring('hello', 1.5)", "substring(missing, 1)", "substring(zh, 1, 2)",
        "substring(nul, 1)", "startsWith('hello', 'he')", "startsWith(missing, '$')", "endsWith(missing, '}')",
        "endsWith(ar, 'م')", "string(1234567.891)", "string(1000)", "string(0.000001)", "string(tiny)", "string(big)",
        "string(huge)", "string(-0.5)", "string(f)", "string(true)", "string({a: 'x'})", "string(['a', 1])",
        "string(\"s\")", "string(nul)", "string(missing)", "string(obj)", "string(1234.5, 'fr-FR')", "string(q)",

        // Numbers and conversions.
        "formatNumber(1234.5678, 2)", "formatNumber(1234, 0)", "formatNumber(0.5, 0)", "formatNumber(1.005, 2)",
        "formatNumber(-1234.5, 1)", "formatNumber(-0.001, 2)", "formatNumber(2.5, 0)", "formatNumber(-2.5, 0)",
        "formatNumber(0.125, 2)", "formatNumber(money, 2, 'fr-FR')", "formatNumber(money, 2, 'de-DE')",
        "formatNumber(money, 2, 'en-IN')", "formatNumber(money, 2, 'ar-EG')", "formatNumber(money, 2, 'de-CH')",
        "formatNumber(money, 2, 'xx-XX')", "formatNumber(money, 25)", "formatNumber(huge, 2)", "formatNumber(x, -1)",
        "formatNumber(x, 1.5)", "formatNumber('1', 1)", "formatNumber(missing, 2)", "formatNumber(big, 0)",
        "int('42')", "int(numText)", "int('0x1A')", "int(4.7)", "int(-4.7)", "int(true)", "int('abc')", "float('3.5')",
        "float(floatText)", "float('x')", "float(x)", "float(' -1e3 ')", "bool('FALSE')", "bool(0)", "bool(1)",
        "bool('no')", "bool(missing)", "bool(nul)", "bool(createArray(false))", "json('{\"a\": [1, 2]}')", "json(' [1] ')",
        "json('bad')", "json(x)", "json(jsonText)", "json('{\"k\":1}').k", "json('{\"k\":1}').z", "jsonStringify(items)",
        "jsonStringify(missing)", "jsonStringify(obj)", "jsonStringify(q)", "jsonStringify(zh)", "abs(n)", "floor(y)",
        "ceiling(y)", "round(2.5)", "round(-2.5)", "round(1.005, 2)", "round(2.345, 2)", "round(y, 16)",
        "add(1, 2, 3)", "sub(10, 1, 2)", "mul(2, 3)", "div(7, 2)", "div(7.5, 2)", "mod(-7, 3)", "exp(2, 3)",
        "isString('a')", "isString(x)", "isArray(arr)", "isObject(nul)", "isObject(obj)", "isBoolean(t)",
        "isInteger(2.0)", "isFloat(2.5)", "isFloat(x)",

        // Functions the reference does not know, and calls that fail validation when parsed.
        "foo(1, 2)", "a.b(1)", "foo!(1)", "(x)(1)", "toUpper(1)", "count(5, 6)", "if(x, 1)", "x =>", "'s'.length",
        "createArray(1).x", "(1 + 1).x", "!1.a", "foo().x",
    ];

    private static readonly (string Name, string Template, string Data)[] Templates =
    [
        ("whole value keeps its type", """{"n": "${x}", "o": "${obj}", "a": "${arr}", "b": "${t}", "z": "${nul}"}""",
            """{"x": 1.5, "obj": {"k": 1}, "arr": [1, "a"], "t": false, "nul": null}"""),
        ("constant in a whole string becomes a string", """{"a": "${1}", "b": "${true}", "c": "${'s'}", "d": "${ }"}""", "{}"),
        ("null constant fails", """{"a": "${null}"}""", "{}"),
        ("null interpolated into a string fails", """{"a": "v ${x}"}""", """{"x": null}"""),
        ("undefined interpolated into a string fails", """{"a": "v ${int(true)}"}""", "{}"),
        ("undefined whole value drops the property", """{"a": "${int(true)}", "b": "${first(createArray())}", "c": "${nul[0]}", "d": 1}""",
            """{"nul": null}"""),
        ("undefined in an array becomes null, null is dropped", """["${first(createArray())}", "${nul}", null, 1]""", """{"nul": null}"""),
        ("values interpolated into a string", """{"a": "v ${x} ${y} ${z} ${w} ${v} ${u} ${big} ${tiny}"}""",
            """{"x": [1, [2, 3], null, {"a": 1}], "y": {"a": 1}, "z": true, "w": 1e21, "v": -0.0, "u": 100, "big": 12345678901234567890, "tiny": 1e-7}"""),
        ("nested arrays are flattened and repeated items spliced", """[1, null, "${missing}", [2, [3]], {"$when": "${false}"}, "${arr}", {"$data": "${arr}", "v": "${$data}"}]""",
            """{"arr": [4, 5]}"""),
        ("$data array repeats with $index", """{"body": [{"$data": "${items}", "t": "${n}", "i": "${$index}", "r": "${$root.x}", "d": "${$data}"}]}""",
            """{"items": [{"n": 1}, {"n": 2}], "x": 9}"""),
        ("$data outside an array", """{"one": {"$data": "${items}", "t": "${n}"}, "none": {"$data": "${empty}", "t": 1}, "o": {"$data": "${obj}", "t": "${n}", "i": "${$index}"}}""",
            """{"items": [{"n": 1}, {"n": 2}], "empty": [], "obj": {"n": 7}}"""),
        ("$data of one item", """{"body": [{"$data": "${items}", "t": "${n}"}], "single": {"$data": "${items}", "t": "${n}"}}""",
            """{"items": [{"n": 1}]}"""),
        ("$data undefined, null, string and number", """{"body": [{"$data": "${missing}", "t": "${n}", "d": "${$data}"}, {"$data": "${nul}", "t": "${n}"}, {"$data": "${s}", "d": "${$data}", "l": "${length($data)}"}, {"$data": "${num}", "d": "${$data}"}]}""",
            """{"n": 3, "nul": null, "s": "str", "num": 5}"""),
        ("literal $data", """{"a": {"$data": [{"n": 1}, {"n": 2}], "x": "${n}", "i": "${$index}"}, "b": {"$data": {"n": 1}, "x": "${n}"}, "c": {"$data": null, "x": "${n}", "d": "${$data}"}, "d": {"$data": "text", "x": "${$data}"}}""",
            """{"n": 5}"""),
        ("nested $data and $root", """{"a": {"$data": "${x}", "b": {"$data": "${y}", "c": "${z}", "r": "${$root.top}", "i": "${$index}"}, "i": "${$index}"}}""",
            """{"top": 1, "x": {"y": [{"z": 5}, {"z": 6}]}}"""),
        ("$data arrays of arrays and nulls", """{"a": [{"$data": "${x}", "v": "${$data}", "i": "${$index}"}], "b": {"$data": "${y}", "v": "${$data}"}}""",
            """{"x": [[1], [2, 3]], "y": [null, 1]}"""),
        ("$data from a mixed string", """{"$data": "${a}${b}", "v": "${$data}"}""", """{"a": "x", "b": "y"}"""),
        ("$when values", """[{"$when": "${a}", "k": "a"}, {"$when": "${b}", "k": "b"}, {"$when": "${c}", "k": "c"}, {"$when": "${missing}", "k": "m"}, {"$when": "${n}", "k": "n"}, {"$when": "${s}", "k": "s"}, {"$when": "${not(missing)}", "k": "notm"}, {"$when": "${a} ", "k": "mixed"}, {"$when": "${true}", "k": "tconst"}, {"$when": "${c == 1}", "k": "c1"}, {"$when": "${equals(missing, null)}", "k": "mnull"}, {"$when": "${concat('tr', 'ue')}", "k": "concat"}, {"$when": "${exists(missing)}", "k": "exists"}]""",
            """{"a": true, "b": false, "c": 1, "n": null, "s": "true"}"""),
        ("$when literals", """[{"$when": "true", "k": "lit"}, {"$when": true, "k": "bool"}, {"$when": false, "k": "boolf"}, {"$when": "", "k": "emptystr"}, {"$when": 0, "k": "zero"}, {"$when": 1, "k": "one"}, {"$when": null, "k": "null"}, {"$when": {}, "k": "obj"}, {"$when": [], "k": "arr"}]""",
            "{}"),
        ("$when with an unknown function fails", """[{"$when": "${foo()}", "k": "unknown"}]""", "{}"),
        ("$when per repeated item", """[{"$data": "${items}", "$when": "${show}", "k": "${k}", "i": "${$index}"}, {"$data": "${items}", "$when": "${$index > 0}", "k": "${k}"}]""",
            """{"items": [{"k": 1, "show": true}, {"k": 2, "show": false}, {"k": 3, "show": true}]}"""),
        ("$when false on a property and on the root", """{"a": {"$when": "${false}", "k": 1}, "b": 2}""", "{}"),
        ("$when false on the root", """{"$when": "${false}", "k": 1}""", "{}"),
        ("reserved names are removed, others kept", """{"$root": 1, "$index": 2, "$host": 3, "$_acTemplateVersion": 4, "$schema": "s", "$DATA": 5, "k": "${$host}"}""", "{}"),
        ("keys are never templated", """{"${x}": "${x}"}""", """{"x": 1}"""),
        ("text that is not a template", """{"a": "price $5 {x} ${ x } $ {y} ${} \\${x} \\$5 ${x}\\`", "b": "50%{", "c": "${x}$", "d": "{x}", "e": "$x", "f": "a\\${x}", "g": "C:\\\\dir ${x}"}""",
            """{"x": "v"}"""),
        ("backticks in a templated string", """{"a": "a`+`${x}"}""", """{"x": "v"}"""),
        ("a backtick that breaks the string fails", """{"a": "a`b ${x}"}""", """{"x": "v"}"""),
        ("object literals inside templates", """{"a": "${{a: 1}}", "b": "${{ a: 1}}", "c": "${{'k': x}.k}", "d": "${json('{\"q\":{\"r\":2}}').q.r}", "e": "${{a: {b: 1}}.a.b}"}""",
            """{"x": "v"}"""),
        ("braces and quotes inside templates", """{"a": "${a${b}}", "b": "${'}'}", "c": "${\"}\"} and ${x}", "d": "${x} and ${'a\\'b'}"}""",
            """{"x": "v", "b": "B"}"""),
        ("backslashes inside template strings", """{"a": "${'a\\'}", "b": "x ${'a\\'} y ${b}", "c": "${'a\\\\'}", "d": "${'a\\\\\\'b'}"}""",
            """{"b": 1}"""),
        ("a backslash reading that does not parse fails", """{"a": "${'a\\\\'b'}"}""", "{}"),
        ("whitespace and = inside templates", """{"a": "${=x}", "b": "${ =x }", "c": "${\u00a0x\u00a0}", "d": "${\tx}", "e": "line1\n${x}\nline3"}""",
            """{"x": 1}"""),
        ("newline inside a template is not a template", """{"a": "${x\n}"}""", """{"x": 1}"""),
        ("other whitespace inside a template fails", """{"a": "${x\u2003}"}""", """{"x": 1}"""),
        ("first key that matches without regard to case wins", """{"a": "${Name}", "b": "${NAME}", "c": "${name}"}""", """{"Name": 1, "name": 2}"""),
        ("object key order in string()", """{"b": 1, "2": "two", "a": "${string($root)}", "1": "${jsonStringify($root)}"}""",
            """{"z": 1, "10": 2, "3": 3, "y": {"b": 1, "0": 0}}"""),
        ("setProperty changes the data", """{"a": "${setProperty(x, 'k', 2)}", "b": "${x}"}""", """{"x": {"k": 1}}"""),
        ("json() with duplicate keys", """{"a": "${json(s)}", "b": "${count(json(s))}"}""", """{"s": " {\"b\":1, \"2\":2, \"b\":3} "}"""),
        ("concat as a whole value stringifies each argument", """{"t": "${concat([1], [2])}", "u": "v ${concat([1], [2])}", "w": "${concat(x)}", "z": "${'a' & missing}"}""",
            """{"x": [1, 2]}"""),
        ("concat as a whole value fails on null", """{"t": "${concat('a', null)}"}""", "{}"),
        ("an error inside a string is written back", """{"a": "v ${foo(1, a.b)} ${toUpper(x)} ${items[5]} ${json('bad')} ${x <> 3} ${(x % 2.5)}"}""",
            """{"x": "a", "items": [1]}"""),
        ("an index error inside a function inside a string", """{"a": "v ${concat(items[5][0], 'a')}"}""", """{"items": [1]}"""),
        ("an index error directly inside a string fails", """{"a": "v ${items[5][0]}"}""", """{"items": [1]}"""),
        ("an undefined index in a path", """{"a": "${a[missing].b}", "b": "v ${a[missing]}", "c": "${a['x.y'].z}", "d": "${a['x.y']}"}""",
            """{"a": {"x": 1, "x.y": 2}}"""),
        ("a string value indexed", """{"a": "${s.0}", "b": "${s['1']}", "c": "${x.y}", "d": "${$data.x.y}"}""", """{"s": "str", "x": "str"}"""),
        ("numbers from the data", """{"a": "${x}", "b": "v ${x} ${y} ${z}", "c": "${y}"}""", """{"x": 12345678901234567890, "y": 0.000001, "z": -0.0000001}"""),
        ("numbers in the template", """{"a": 1.50, "b": -0, "c": 1e2, "d": [1.0, 2.5], "e": 12345678901234567890}""", "{}"),
        ("non-Latin text and quotes", """{"a": "${ar} — ${zh} — ${q}", "b": "«${ar}» “${zh}” '${q}'", "c": "${toUpper(q)}"}""",
            """{"ar": "مرحبا بالعالم", "zh": "你好，世界", "q": "it's \"quoted\""}"""),
        ("null data", """{"a": "${x}", "b": "${$root}"}""", "null"),
        ("a template that is one string", "\"${x}\"", """{"x": [1, 2]}"""),
        ("a template that is an array", """["${x}", ["${x}"]]""", """{"x": [1, 2]}"""),
        ("a template that is a number", "42", "{}"),
    ];

    /// <summary>Every case, by name.</summary>
    public static IReadOnlyDictionary<string, ReferenceTools.TemplateCase> All { get; } = Build();

    private static Dictionary<string, ReferenceTools.TemplateCase> Build()
    {
        var cases = new Dictionary<string, ReferenceTools.TemplateCase>(StringComparer.Ordinal);
        var data = JsonNode.Parse(ExpressionData);
        foreach (var expression in Expressions)
        {
            Add("whole ${" + expression + "}", new JsonObject { ["a"] = "${" + expression + "}" }, data);
            Add("mixed v ${" + expression + "} w", new JsonObject { ["a"] = "v ${" + expression + "} w" }, data);
        }

        foreach (var (name, template, json) in Templates)
        {
            Add(name, JsonNode.Parse(template)!, JsonNode.Parse(json));
        }

        return cases;

        void Add(string name, JsonNode template, JsonNode? json) =>
            cases.Add(name, new ReferenceTools.TemplateCase(name, template, json?.DeepClone()));
    }
}
