using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace KitBot.Channels.Slack;

/// <summary>
/// Bounded queues between the endpoints (which only acknowledge) and <see cref="SlackWorker"/>. One queue per worker;
/// a conversation always lands in the same one, so its requests are handled in the order they came.
/// </summary>
public sealed class SlackWorkQueue
{
    private readonly Channel<SlackWorkItem>[] _partitions;

    public SlackWorkQueue(IOptions<SlackOptions> options)
    {
        var count = options.Value.Workers;
        var capacity = Math.Max(1, (options.Value.QueueCapacity + count - 1) / count);
        _partitions = Enumerable.Range(0, count)
            .Select(_ => Channel.CreateBounded<SlackWorkItem>(new BoundedChannelOptions(capacity)
            {
                SingleReader = true,
                FullMode = BoundedChannelFullMode.Wait,
            }))
            .ToArray();
    }

    /// <summary>How many queues (and worker loops) there are.</summary>
    public int Partitions => _partitions.Length;

    /// <summary>Queues an item without waiting; false when its queue is full.</summary>
    public bool TryEnqueue(SlackWorkItem item) => _partitions[PartitionOf(item.Request)].Writer.TryWrite(item);

    /// <summary>The reading end of one queue.</summary>
    public ChannelReader<SlackWorkItem> Reader(int partition) => _partitions[partition].Reader;

    private int PartitionOf(SlackTurnRequest request) =>
        (int)((uint)StringComparer.Ordinal.GetHashCode($"{request.TeamId}:{request.ChannelId}") % (uint)_partitions.Length);
}
