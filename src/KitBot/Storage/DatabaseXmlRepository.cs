using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace KitBot.Storage;

/// <summary>
/// Data Protection keys in KitBot's database (table <c>data_protection_keys</c>), so every instance on one
/// database encrypts and decrypts with the same key ring, and the keys are backed up with the data.
/// </summary>
public sealed class DatabaseXmlRepository(StorageConnections connections) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT xml FROM data_protection_keys";
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = connections.Open();
        using var command = connection.CreateCommand();
        // Key names are unique GUIDs; a repeat (two instances creating the same key) is harmless to ignore.
        command.CommandText = "INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@name, @xml) ON CONFLICT (friendly_name) DO NOTHING";
        command.Add("@name", friendlyName);
        command.Add("@xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }
}
