using Marten;
using Weasel.Postgresql.Tables;

namespace TrayBridge.Invoicing.Features.Nfes;

/// <summary>The next nNF per tenant, emitter CNPJ and série: a row taken with <c>UPDATE … RETURNING</c> inside the
/// transaction that stores the signed note. The row lock serialises concurrent batches, and a rollback (a sales order
/// already invoiced by another batch, a note that cannot be built) gives the number back: no gaps, never a sequence.</summary>
public static class NumberCounter
{
    public const string Table = "nfe_number_counters";

    public static StoreOptions AddNumberCounterTable(this StoreOptions options, string schema)
    {
        var table = new Table($"{schema}.{Table}");
        table.AddColumn<string>("tenant_id").AsPrimaryKey();
        table.AddColumn<string>("cnpj").AsPrimaryKey();
        table.AddColumn<int>("series").AsPrimaryKey();
        table.AddColumn<int>("next_number").NotNull();
        options.Storage.ExtendedSchemaObjects.Add(table);
        return options;
    }

    /// <summary>Takes the next number; the session must be in a transaction (<c>BeginTransactionAsync</c>) that also stores the note.</summary>
    public static async Task<int> TakeAsync(IDocumentSession session, string schema, string cnpj, int series, CancellationToken cancellationToken)
    {
        await session.BeginTransactionAsync(cancellationToken);
        // One statement: the first note of a série creates the row (and takes 1), later ones lock and bump it.
        var taken = await session.AdvancedSql.QueryAsync<int>(
            $"""
            insert into {schema}.{Table} as c (tenant_id, cnpj, series, next_number) values (?, ?, ?, 2)
            on conflict (tenant_id, cnpj, series) do update set next_number = c.next_number + 1
            returning c.next_number - 1
            """, cancellationToken, session.TenantId, cnpj, series);
        return taken.Single();
    }
}
