namespace KitBot.Channels.Teams;

/// <summary>
/// Local development with no app id: the Agents Playground and the emulator send no token. The host refuses
/// to start this way on a non-loopback address unless explicitly allowed (see <see cref="TeamsOptionsValidator"/>).
/// </summary>
public sealed class AnonymousAuthenticator : IBotFrameworkAuthenticator
{
    public Task<BotFrameworkIdentity?> AuthenticateAsync(string? authorizationHeader, CancellationToken cancellationToken) =>
        Task.FromResult<BotFrameworkIdentity?>(BotFrameworkIdentity.AnonymousDevelopment);
}
