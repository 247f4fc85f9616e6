using KitBot.Channels.Teams;

namespace KitBot.Tests.Channels.Teams;

/// <summary>Hands out <c>token-1</c>, and a new numbered token on each forced refresh.</summary>
public sealed class FakeConnectorTokenProvider : IConnectorTokenProvider
{
    private readonly Lock _gate = new();
    private int _issued = 1;

    /// <summary>When set, every request for a token fails with it.</summary>
    public ConnectorTokenException? Failure { get; set; }

    public int Requests { get; private set; }

    public int ForcedRefreshes { get; private set; }

    public Task<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Requests++;
            if (Failure is not null)
            {
                throw Failure;
            }

            if (forceRefresh)
            {
                ForcedRefreshes++;
                _issued++;
            }

            return Task.FromResult($"token-{_issued}");
        }
    }
}
