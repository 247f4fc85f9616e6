namespace KitBot.Cards.Templating;

/// <summary>AEL's static return types, used to reject calls such as <c>count(5)</c> when a template is parsed.</summary>
[Flags]
internal enum ReturnType
{
    Boolean = 1,
    Number = 2,

    /// <summary>Anything: never rejected.</summary>
    Object = 4,
    String = 8,
    Array = 16,
}
