namespace KitBot.Channels.Teams;

/// <summary>Placeholder until JWT validation lands: refuses everything.</summary>
public sealed class JwtBotFrameworkAuthenticator : IBotFrameworkAuthenticator
{
    public Task<BotFrameworkIdentity?> AuthenticateAsync(string? authorizationHeader, CancellationToken cancellationToken) =>
        Task.FromResult<BotFrameworkIdentity?>(null);
}
