using System.Text;

namespace KitBot.Cards.Templating;

/// <summary>
/// The tokens of Adaptive Expressions (adaptive-expressions' ExpressionAntlrLexer.g4), with ANTLR's rules: the longest
/// match wins and, between equally long matches, the rule listed first. A backtick opens string-interpolation mode,
/// where <c>${...}</c> templates, <c>\`</c> and <c>\$</c> escapes and plain text are the only tokens.
/// </summary>
internal static class ExpressionLexer
{
    public enum Kind
    {
        Eof,
        Invalid,
        Number,
        String,
        Identifier,

        /// <summary>A backtick: opens or closes string interpolation.</summary>
        Backtick,

        /// <summary>A <c>${...}</c> inside string interpolation.</summary>
        Template,

        /// <summary><c>\`</c> or <c>\$</c> inside string interpolation.</summary>
        Escape,

        /// <summary>Plain text inside string interpolation.</summary>
        Text,

        /// <summary>Any operator or punctuation; the text says which.</summary>
        Symbol,
    }

    public readonly record struct Token(Kind Kind, string Text)
    {
        public bool Is(string symbol) => Kind == Kind.Symbol && Text == symbol;
    }

    public static List<Token> Tokenize(string input)
    {
        var tokens = new List<Token>();
        var interpolating = false;
        var i = 0;
        while (i < input.Length)
        {
            if (interpolating)
            {
                i = LexInterpolation(input, i, tokens, ref interpolating);
                continue;
            }

            var c = input[i];
            if (c is ' ' or '\t' or '\uFEFF' or '\u00A0' or '\n')
            {
                i++;
                continue;
            }

            if (c == '\r' && i + 1 < input.Length && input[i + 1] == '\n')
            {
                i += 2;
                continue;
            }

            if (c == '`')
            {
                tokens.Add(new Token(Kind.Backtick, "`"));
                interpolating = true;
                i++;
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                var end = i;
                while (end < input.Length && char.IsAsciiDigit(input[end]))
                {
                    end++;
                }

                if (end + 1 < input.Length && input[end] == '.' && char.IsAsciiDigit(input[end + 1]))
                {
                    end++;
                    while (end < input.Length && char.IsAsciiDigit(input[end]))
                    {
                        end++;
                    }
                }

                tokens.Add(new Token(Kind.Number, input[i..end]));
                i = end;
                continue;
            }

            if (c is '\'' or '"')
            {
                var end = MatchString(input, i);
                tokens.Add(end < 0 ? new Token(Kind.Invalid, c.ToString()) : new Token(Kind.String, input[i..end]));
                i = end < 0 ? i + 1 : end;
                continue;
            }

            var identifierEnd = MatchIdentifier(input, i);

            // '%' alone is the modulo operator: PERCENT is listed before IDENTIFIER and ties go to the first rule.
            if (identifierEnd > i && !(c == '%' && identifierEnd == i + 1))
            {
                tokens.Add(new Token(Kind.Identifier, input[i..identifierEnd]));
                i = identifierEnd;
                continue;
            }

            var symbol = MatchSymbol(input, i);
            tokens.Add(symbol is null ? new Token(Kind.Invalid, c.ToString()) : new Token(Kind.Symbol, symbol));
            i += symbol?.Length ?? 1;
        }

        tokens.Add(new Token(Kind.Eof, ""));
        return tokens;
    }

    private static int LexInterpolation(string input, int i, List<Token> tokens, ref bool interpolating)
    {
        var c = input[i];
        if (c == '`')
        {
            tokens.Add(new Token(Kind.Backtick, "`"));
            interpolating = false;
            return i + 1;
        }

        if (c == '$' && MatchTemplate(input, i) is var end && end > 0)
        {
            tokens.Add(new Token(Kind.Template, input[i..end]));
            return end;
        }

        if (c == '\\' && i + 1 < input.Length && input[i + 1] is '`' or '$')
        {
            tokens.Add(new Token(Kind.Escape, input.Substring(i, 2)));
            return i + 2;
        }

        // Consecutive text characters form one text node, as the parser's TEXT_CONTENT+ does.
        if (tokens.Count > 0 && tokens[^1].Kind == Kind.Text)
        {
            tokens[^1] = new Token(Kind.Text, tokens[^1].Text + c);
        }
        else
        {
            tokens.Add(new Token(Kind.Text, c.ToString()));
        }

        return i + 1;
    }

    private static string? MatchSymbol(string input, int i)
    {
        var c = input[i];
        var next = i + 1 < input.Length ? input[i + 1] : '\0';
        return c switch
        {
            '!' => next == '=' ? "!=" : "!",
            '<' => next == '=' ? "<=" : next == '>' ? "<>" : "<",
            '>' => next == '=' ? ">=" : ">",
            '=' => next == '=' ? "==" : next == '>' ? "=>" : null,
            '&' => next == '&' ? "&&" : "&",
            '|' => next == '|' ? "||" : null,
            '?' => next == '?' ? "??" : "?",
            '+' or '-' or '^' or '*' or '/' or '%' or '(' or ')' or '.' or '[' or ']' or '{' or '}' or ',' or ':' => c.ToString(),
            _ => null,
        };
    }

    private static bool IsLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    /// <summary>IDENTIFIER: (LETTER | '_' | '#' | '@' | '@@' | '$' | '%') (LETTER | DIGIT | '_')*; returns the end or -1.</summary>
    private static int MatchIdentifier(string input, int i)
    {
        var c = input[i];
        if (!(IsLetter(c) || c is '_' or '#' or '@' or '$' or '%'))
        {
            return -1;
        }

        var end = i + 1;
        if (c == '@' && end < input.Length && input[end] == '@')
        {
            end++;
        }

        while (end < input.Length && (IsLetter(input[end]) || char.IsAsciiDigit(input[end]) || input[end] == '_'))
        {
            end++;
        }

        return end;
    }

    /// <summary>
    /// A STRING token in the default mode: a quoted string in which a backslash may escape the quote or a backslash.
    /// STRING's loop is non-greedy, so this simulates ANTLR's lexer: paths are kept in priority order (leave the loop,
    /// then an escape, then a plain character) and the first path to close the string drops the ones behind it.
    /// So <c>'it\'s'</c> is one string, <c>'a\\'b'</c> ends after the second backslash, and <c>'a\'</c> is "a\".
    /// Returns the end or -1.
    /// </summary>
    public static int MatchString(string input, int i)
    {
        const int Close = 0, Escape = 1, Plain = 2, MidEscape = 3;
        var quote = input[i];
        var configs = new List<int> { Close, Escape, Plain };
        var accepted = -1;
        for (var k = i + 1; k < input.Length && configs.Count > 0; k++)
        {
            var c = input[k];
            var next = new List<int>();
            foreach (var config in configs)
            {
                if (config == Close && c == quote)
                {
                    accepted = k + 1;
                    break;
                }

                if ((config == Escape && c == '\\') || (config == MidEscape && (c == quote || c == '\\')) || (config == Plain && c != quote))
                {
                    foreach (var target in config == Escape ? [MidEscape] : (int[])[Close, Escape, Plain])
                    {
                        if (!next.Contains(target))
                        {
                            next.Add(target);
                        }
                    }
                }
            }

            configs = next;
        }

        return accepted;
    }

    /// <summary>
    /// Every end of a STRING inside a larger token (TEMPLATE, OBJECT_DEFINITION). There ANTLR explores all readings
    /// of the backslashes and keeps the longest token, so each possible closing quote counts.
    /// </summary>
    private static IEnumerable<int> StringEnds(string input, int i)
    {
        var quote = input[i];
        var seen = new HashSet<int>();
        var pending = new Stack<int>();
        pending.Push(i + 1);
        while (pending.Count > 0)
        {
            var k = pending.Pop();
            if (k >= input.Length || !seen.Add(k))
            {
                continue;
            }

            if (input[k] == quote)
            {
                yield return k + 1;
                continue;
            }

            pending.Push(k + 1);
            if (input[k] == '\\' && k + 1 < input.Length && (input[k + 1] == quote || input[k + 1] == '\\'))
            {
                pending.Push(k + 2);
            }
        }
    }

    /// <summary>TEMPLATE: '$' '{' (STRING | OBJECT_DEFINITION | ~[\r\n{}'"`])+ '}'; the longest match, or -1.</summary>
    private static int MatchTemplate(string input, int i)
    {
        if (i + 1 >= input.Length || input[i + 1] != '{')
        {
            return -1;
        }

        var best = -1;
        foreach (var end in ItemsThenClose(input, i + 2))
        {
            best = Math.Max(best, end);
        }

        return best;
    }

    /// <summary>
    /// One or more items (STRING, OBJECT_DEFINITION or a character other than \r \n { } ' " `) and then '}': every
    /// end position. Used for TEMPLATE's body and for the value of an OBJECT_DEFINITION pair.
    /// </summary>
    private static IEnumerable<int> ItemsThenClose(string input, int start)
    {
        var ends = new HashSet<int>();
        var seen = new HashSet<(int, bool)>();
        var pending = new Stack<(int Position, bool AnyItem)>();
        pending.Push((start, false));
        while (pending.Count > 0)
        {
            var (k, anyItem) = pending.Pop();
            if (k >= input.Length || !seen.Add((k, anyItem)))
            {
                continue;
            }

            var c = input[k];
            switch (c)
            {
                case '}':
                    if (anyItem)
                    {
                        ends.Add(k + 1);
                    }

                    break;
                case '\r' or '\n' or '`':
                    break;
                case '\'' or '"':
                    foreach (var end in StringEnds(input, k))
                    {
                        pending.Push((end, true));
                    }

                    break;
                case '{':
                    foreach (var end in ObjectDefinitionEnds(input, k))
                    {
                        pending.Push((end, true));
                    }

                    break;
                default:
                    pending.Push((k + 1, true));
                    break;
            }
        }

        return ends;
    }

    /// <summary>
    /// OBJECT_DEFINITION: '{' (WHITESPACE | (IDENTIFIER | STRING) ':' (STRING | ~[{}\r\n'"`] | OBJECT_DEFINITION)+)* '}';
    /// every end position. WHITESPACE carries a predicate that is false in interpolation mode, so <c>${{ a: 1}}</c> is
    /// not a template. A later pair's key is also a valid value, so reading everything after the first ':' as value
    /// finds the same ends.
    /// </summary>
    private static IEnumerable<int> ObjectDefinitionEnds(string input, int i)
    {
        var k = i + 1;
        if (k < input.Length && input[k] == '}')
        {
            return [k + 1];
        }

        IEnumerable<int> keyEnds = k < input.Length && input[k] is '\'' or '"'
            ? StringEnds(input, k).ToList()
            : k < input.Length && MatchIdentifier(input, k) is var identifierEnd && identifierEnd > 0 ? [identifierEnd] : [];
        return keyEnds
            .Where(keyEnd => keyEnd < input.Length && input[keyEnd] == ':')
            .SelectMany(keyEnd => ItemsThenClose(input, keyEnd + 1))
            .Distinct()
            .ToList();
    }

    /// <summary>The text of a <c>${...}</c> template as the parser reads it (its trimExpression).</summary>
    public static string TrimTemplate(string text)
    {
        var result = Js.Trim(text);
        if (result.StartsWith('$'))
        {
            result = result[1..];
        }

        result = Js.Trim(result);
        if (result.StartsWith('{') && result.EndsWith('}'))
        {
            result = result.Length >= 2 ? result[1..^1] : "";
        }

        return Js.Trim(result);
    }

    /// <summary>A string literal's value: quotes removed, the escaped quote unescaped, then \r \n \t \\ decoded.</summary>
    public static string UnescapeString(string token)
    {
        var quote = token[0];
        var text = token[1..^1].Replace("\\" + quote, quote.ToString(), StringComparison.Ordinal);
        if (!text.Contains('\\'))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\')
            {
                builder.Append(text[i]);
                continue;
            }

            if (i + 1 >= text.Length || text[i + 1] is '\r' or '\n')
            {
                builder.Append('\\');
                continue;
            }

            var next = text[++i];
            builder.Append(next switch
            {
                'r' => "\r",
                'n' => "\n",
                't' => "\t",
                '\\' => "\\",
                _ => "\\" + next,
            });
        }

        return builder.ToString();
    }
}
