namespace KitBot.Cards.Templating;

/// <summary>
/// An AEL evaluation: a value or an error message. <see cref="Broken"/> stands for an evaluator that returned
/// undefined instead of a result (AEL's Element does when its instance fails), which makes its caller throw.
/// </summary>
internal readonly record struct EvalResult(object? Value, string? Error, bool Broken = false)
{
    public static EvalResult Ok(object? value) => new(value, null);

    public static EvalResult Fail(string error) => new(Js.Undefined, error);

    public static readonly EvalResult BrokenResult = new(Js.Undefined, null, Broken: true);
}
