using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace KitBot.Storage;

/// <summary>
/// Open SQLite connections that keep their prepared statements, lent to one operation at a time. A statement run
/// through a new <see cref="SqliteCommand"/> is parsed and planned again every time: in a turn's profile that was
/// about a third of SQLite's work, and each command also cost the connection a weak reference for the GC to track.
/// Here each connection prepares a statement once and runs it again with new values.
/// </summary>
internal sealed class SqliteSessions(Func<CancellationToken, Task<SqliteConnection>> open) : IDisposable
{
    /// <summary>Idle sessions kept; more are opened under a burst and closed when given back beyond this.</summary>
    internal const int MaxIdle = 16;

    private readonly ConcurrentBag<Session> _idle = [];
    private int _idleCount;
    private bool _disposed;

    public async ValueTask<Session> RentAsync(CancellationToken cancellationToken)
    {
        if (_idle.TryTake(out var session))
        {
            Interlocked.Decrement(ref _idleCount);
            return session;
        }

        return new Session(this, await open(cancellationToken));
    }

    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        while (_idle.TryTake(out var session))
        {
            session.Close();
        }
    }

    private void GiveBack(Session session)
    {
        if (!Volatile.Read(ref _disposed) && Interlocked.Increment(ref _idleCount) <= MaxIdle)
        {
            _idle.Add(session);
            if (Volatile.Read(ref _disposed) && _idle.TryTake(out var late))
            {
                late.Close();
            }

            return;
        }

        Interlocked.Decrement(ref _idleCount);
        session.Close();
    }

    /// <summary>
    /// One connection and its prepared commands. Call <see cref="Done"/> when the operation succeeded: a session
    /// disposed without it (an exception, a cancellation) is closed rather than lent again.
    /// </summary>
    internal sealed class Session(SqliteSessions owner, SqliteConnection connection) : IDisposable
    {
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
        private bool _done;

        /// <summary>The prepared command for <paramref name="sql"/>, its parameters set to <paramref name="values"/> (null is SQL NULL).</summary>
        public SqliteCommand Command(string sql, params ReadOnlySpan<(string Name, object? Value)> values)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = connection.CreateCommand();
                command.CommandText = sql;
                foreach (var (name, _) in values)
                {
                    command.Parameters.Add(new SqliteParameter { ParameterName = name });
                }

                command.Prepare();
                _commands.Add(sql, command);
            }

            foreach (var (name, value) in values)
            {
                command.Parameters[name].Value = value ?? DBNull.Value;
            }

            return command;
        }

        public void Done() => _done = true;

        public void Dispose()
        {
            if (_done)
            {
                _done = false;
                owner.GiveBack(this);
            }
            else
            {
                Close();
            }
        }

        internal void Close()
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }

            _commands.Clear();
            connection.Dispose();
        }
    }
}
