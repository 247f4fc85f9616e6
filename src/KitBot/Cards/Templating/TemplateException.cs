namespace KitBot.Cards.Templating;

/// <summary>
/// A template that the reference implementation would also refuse: a syntax error, an invalid function call, or an
/// evaluation that throws. Inside a mixed string the reference swallows some of these, and so does the engine.
/// </summary>
internal sealed class TemplateException(string message) : InvalidOperationException(message);
