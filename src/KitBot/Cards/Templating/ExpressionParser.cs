using System.Globalization;
using System.Text;
using static KitBot.Cards.Templating.ExpressionLexer;

namespace KitBot.Cards.Templating;

/// <summary>
/// A recursive-descent parser for Adaptive Expressions (adaptive-expressions' ExpressionAntlrParser.g4) that builds
/// the same trees as the reference's ExpressionParser. Precedence, from loosest: ?: (left-associative), ??, ||, &amp;&amp;,
/// comparisons, &amp;, == and !=, + and -, * / %, ^ (right-associative), then prefix ! - +. Note that == binds tighter
/// than &lt;, as in the grammar.
/// </summary>
internal sealed class ExpressionParser
{
    private readonly List<Token> _tokens;
    private int _position;

    private ExpressionParser(string text)
    {
        _tokens = Tokenize(text);
    }

    /// <summary>Expression.parse: a leading '=' is dropped and an empty text is the constant "".</summary>
    public static Expr Parse(string text)
    {
        if (text.StartsWith('='))
        {
            text = text[1..];
        }

        if (text.Length == 0)
        {
            return Constant("");
        }

        var parser = new ExpressionParser(text);
        var result = parser.ParseExpression(0);
        if (parser.Peek().Kind != Kind.Eof)
        {
            throw parser.SyntaxError();
        }

        return result;
    }

    public static Expr Constant(object? value) => new(BuiltInFunctions.Constant, [], value);

    private static Expr Make(string type, params Expr[] children)
    {
        var function = BuiltInFunctions.Lookup(type);
        var expr = new Expr(function, children);
        function.Validate?.Invoke(expr);
        return expr;
    }

    private Token Peek(int ahead = 0) => _tokens[Math.Min(_position + ahead, _tokens.Count - 1)];

    private Token Next() => _tokens[Math.Min(_position++, _tokens.Count - 1)];

    private void Expect(string symbol)
    {
        if (!Next().Is(symbol))
        {
            _position--;
            throw SyntaxError();
        }
    }

    private TemplateException SyntaxError() =>
        new($"syntax error at token {_position} ('{Peek().Text}'): Invalid expression format.");

    private static (int Precedence, bool RightAssociative)? Binary(Token token)
    {
        if (token.Kind != Kind.Symbol)
        {
            return null;
        }

        return token.Text switch
        {
            "?" => (1, false),
            "??" => (2, false),
            "||" => (3, false),
            "&&" => (4, false),
            "<" or "<=" or ">" or ">=" => (5, false),
            "&" => (6, false),
            "==" or "!=" or "<>" => (7, false),
            "+" or "-" => (8, false),
            "*" or "/" or "%" => (9, false),
            "^" => (10, true),
            _ => null,
        };
    }

    private Expr ParseExpression(int minimum)
    {
        var left = ParseUnary();
        while (Binary(Peek()) is (int precedence, bool right) && precedence >= minimum)
        {
            var op = Next();
            if (op.Text == "?")
            {
                var whenTrue = ParseExpression(0);
                Expect(":");
                var whenFalse = ParseExpression(precedence + 1);
                left = Make("if", left, whenTrue, whenFalse);
            }
            else
            {
                left = Make(op.Text, left, ParseExpression(right ? precedence : precedence + 1));
            }
        }

        return left;
    }

    private Expr ParseUnary()
    {
        var token = Peek();
        if (token.Kind == Kind.Symbol && token.Text is "!" or "-" or "+")
        {
            Next();
            var operand = ParseUnary();

            // The reference writes -x as 0 - x and +x as 0 + x.
            return token.Text == "!" ? Make("!", operand) : Make(token.Text, Constant(0.0), operand);
        }

        return ParsePrimary();
    }

    private Expr ParsePrimary()
    {
        var start = _position;
        var token = Next();
        Expr result;
        switch (token.Kind)
        {
            case Kind.Symbol when token.Text == "(":
                result = ParseExpression(0);
                Expect(")");
                break;
            case Kind.Symbol when token.Text == "[":
                result = Make("createArray", ParseArguments("]"));
                break;
            case Kind.Symbol when token.Text == "{":
                result = ParseObject();
                break;
            case Kind.Number:
                result = Constant(double.Parse(token.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
                break;
            case Kind.String:
                result = Constant(UnescapeString(token.Text));
                break;
            case Kind.Identifier:
                result = token.Text switch
                {
                    "true" => Constant(true),
                    "false" => Constant(false),
                    "null" => Constant(null),
                    "undefined" => Constant(Js.Undefined),
                    _ => Make(BuiltInFunctions.AccessorType, Constant(token.Text)),
                };
                break;
            case Kind.Backtick:
                result = ParseInterpolation();
                break;
            default:
                _position--;
                throw SyntaxError();
        }

        while (true)
        {
            var next = Peek();
            if (next.Is("."))
            {
                Next();
                var member = Next();
                if (member.Kind != Kind.Identifier)
                {
                    _position--;
                    throw SyntaxError();
                }

                result = Make(BuiltInFunctions.AccessorType, Constant(member.Text), result);
            }
            else if (next.Is("(") || (next.Is("!") && Peek(1).Is("(")))
            {
                // The function's name is the source text of what precedes the parenthesis (so a.b(1) calls "a.b").
                var name = TextOf(start, _position) + (next.Is("!") ? "!" : "");
                if (next.Is("!"))
                {
                    Next();
                }

                Next();
                result = Make(name, ParseArguments(")"));
            }
            else if (next.Is("["))
            {
                Next();
                var index = ParseExpression(0);
                Expect("]");
                result = Make(BuiltInFunctions.ElementType, result, index);
            }
            else
            {
                return result;
            }
        }
    }

    private string TextOf(int from, int to)
    {
        var builder = new StringBuilder();
        for (var i = from; i < to; i++)
        {
            builder.Append(_tokens[i].Text);
        }

        return builder.ToString();
    }

    private Expr[] ParseArguments(string close)
    {
        var args = new List<Expr>();
        if (Peek().Is(close))
        {
            Next();
            return [.. args];
        }

        while (true)
        {
            if (Peek().Kind == Kind.Identifier && Peek(1).Is("=>"))
            {
                // A lambda (x => ...) becomes two arguments: the variable's accessor and the body.
                args.Add(Make(BuiltInFunctions.AccessorType, Constant(Next().Text)));
                Next();
            }

            args.Add(ParseExpression(0));
            var separator = Next();
            if (separator.Is(close))
            {
                return [.. args];
            }

            if (!separator.Is(","))
            {
                _position--;
                throw SyntaxError();
            }
        }
    }

    /// <summary>{a: 1, 'b': x} is json('{}') with setProperty for each pair, as in the reference.</summary>
    private Expr ParseObject()
    {
        var result = Make("json", Constant("{}"));
        if (Peek().Is("}"))
        {
            Next();
            return result;
        }

        while (true)
        {
            var key = Next();
            var name = key.Kind switch
            {
                Kind.Identifier => key.Text,
                Kind.String => key.Text[1..^1],
                _ => null,
            };
            if (name is null)
            {
                _position--;
                throw SyntaxError();
            }

            Expect(":");
            result = Make("setProperty", result, Constant(name), ParseExpression(0));
            var separator = Next();
            if (separator.Is("}"))
            {
                return result;
            }

            if (!separator.Is(","))
            {
                _position--;
                throw SyntaxError();
            }
        }
    }

    /// <summary>A backtick string: concat of an empty string, the text and escapes, and each ${...} parsed on its own.</summary>
    private Expr ParseInterpolation()
    {
        var children = new List<Expr> { Constant("") };
        while (true)
        {
            var token = Next();
            switch (token.Kind)
            {
                case Kind.Backtick:
                    return Make(BuiltInFunctions.ConcatType, [.. children]);
                case Kind.Template:
                    children.Add(Parse(TrimTemplate(token.Text)));
                    break;
                case Kind.Escape:
                    children.Add(Constant(token.Text[1..]));
                    break;
                case Kind.Text:
                    children.Add(Constant(token.Text));
                    break;
                default:
                    _position--;
                    throw SyntaxError();
            }
        }
    }
}
