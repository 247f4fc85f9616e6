using System.Data.Common;

namespace KitBot.Storage;

/// <summary>Adds parameters the same way for SQLite and PostgreSQL commands.</summary>
internal static class DbCommandExtensions
{
    public static void Add(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
