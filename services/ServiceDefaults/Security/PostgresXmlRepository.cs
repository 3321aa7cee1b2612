using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;
using Weasel.Postgresql.Tables;

namespace TrayBridge.ServiceDefaults.Security;

/// <summary>Data Protection's key ring in PostgreSQL, so every replica of a service protects and reads secrets with the
/// same keys. The keys are stored encrypted with the configured certificate, never in clear.</summary>
public sealed class PostgresXmlRepository(NpgsqlDataSource dataSource, string schema) : IXmlRepository
{
    public const string Table = "data_protection_keys";

    public static StoreOptions AddDataProtectionTable(StoreOptions options, string schema)
    {
        var table = new Table($"{schema}.{Table}");
        table.AddColumn<string>("friendly_name").AsPrimaryKey();
        table.AddColumn<string>("xml").NotNull();
        options.Storage.ExtendedSchemaObjects.Add(table);
        return options;
    }

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var command = dataSource.CreateCommand($"select xml from {schema}.{Table}");
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read()) elements.Add(XElement.Parse(reader.GetString(0)));
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var command = dataSource.CreateCommand($"insert into {schema}.{Table} (friendly_name, xml) values ($1, $2) on conflict do nothing");
        command.Parameters.Add(new() { Value = friendlyName });
        command.Parameters.Add(new() { Value = element.ToString(SaveOptions.DisableFormatting) });
        command.ExecuteNonQuery();
    }
}
