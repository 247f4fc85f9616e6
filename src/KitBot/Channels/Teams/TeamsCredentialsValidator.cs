using Microsoft.Extensions.Options;

namespace KitBot.Channels.Teams;

/// <summary>
/// Stops the host at start when an app id is set without what outbound tokens need: otherwise KitBot would accept
/// messages and then fail every reply.
/// </summary>
public sealed class TeamsCredentialsValidator : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        if (options.IsAnonymous)
        {
            return ValidateOptionsResult.Success;
        }

        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(options.AppPassword))
        {
            missing.Add("Teams:AppPassword (set it in the environment: Teams__AppPassword)");
        }

        if (string.IsNullOrWhiteSpace(options.TenantId))
        {
            missing.Add("Teams:TenantId (the bot's tenant, or botframework.com for a legacy multi-tenant bot)");
        }

        return missing.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Teams:AppId is set, so KitBot needs {string.Join(" and ", missing)} to get tokens for its replies.");
    }
}
