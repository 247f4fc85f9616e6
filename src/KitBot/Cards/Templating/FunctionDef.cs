namespace KitBot.Cards.Templating;

/// <summary>One AEL function: its type name (aliases share the canonical one), return type, validator and evaluator.</summary>
/// <param name="Evaluate">Evaluates an expression of this function; the bool says whether undefined paths become "${path}".</param>
internal sealed record FunctionDef(
    string Type,
    ReturnType ReturnType,
    Func<Expr, Scope, bool, EvalResult> Evaluate,
    Action<Expr>? Validate = null);
