using Marten.Schema;
using Marten.Schema.Indexing.Unique;
using MassTransit;
using Microsoft.Extensions.Options;
using TrayBridge.Contracts.Orders;
using TrayBridge.Invoicing.Domain.Keys;
using TrayBridge.Invoicing.Domain.Schemas;
using TrayBridge.Invoicing.Features;
using TrayBridge.Invoicing.Features.Batches;
using TrayBridge.Invoicing.Features.Emitters;
using TrayBridge.Invoicing.Features.TaxTable;
using TrayBridge.Invoicing.Features.Nfes;
using TrayBridge.Invoicing.Features.Sefaz;
using TrayBridge.Invoicing.Features.Sending;
using TrayBridge.ServiceDefaults;
using TrayBridge.ServiceDefaults.DueWork;
using TrayBridge.ServiceDefaults.Persistence;
using TrayBridge.ServiceDefaults.Security;

namespace TrayBridge.Invoicing.Extensions;

public static class Extensions
{
    public static readonly ServiceStore Store = new("invoicing", DaemonLockId: 41_003);

    public static WebApplicationBuilder AddInvoicing(this WebApplicationBuilder builder)
    {
        builder.AddServicePlatform("invoicing", Store, marten =>
        {
            marten.Schema.For<EmitterProfile>().Identity(p => p.Id);
            // One live note per sales order, per tenant: two batches racing over an order cannot both store one. A cancelled
            // note keeps its slot; the next note of the order takes the next generation.
            // Notas fiscais counts on status and sorts on dhEmi and number: status and number are duplicated into columns and
            // the newest notes come from an index, so the list never reads a note's document (its signed XML, ~9 KB, kept out
            // of line) to sort or count; only its page's (issue 12 §6). dhEmi is not duplicated: a duplicated DateTimeOffset
            // is written as timestamptz, which Npgsql takes in UTC only, and dhEmi carries its offset.
            marten.Schema.For<NfeRecord>().UniqueIndex(UniqueIndexType.Computed, "nfe_record_sales_order", TenancyScope.PerTenant,
                    n => n.SalesOrderId, n => n.Generation)
                .Duplicate(n => n.Number).Duplicate(n => n.Status).Index(n => n.BatchId)
                .Index(new System.Linq.Expressions.Expression<Func<NfeRecord, object>>[] { n => n.IssuedAt, n => n.Number },
                    index => (index.Name, index.TenancyScope) = ("nfe_record_list", TenancyScope.PerTenant));
            // Only the batch's own due work writes it, one chunk at a time; a chunk run twice (a lease lost mid-run) fails
            // its write and is retried over the state the other left, rather than dropping that one's skips.
            marten.Schema.For<InvoiceBatch>().UseOptimisticConcurrency(true);
            marten.AddNumberCounterTable(Store.Schema);
            PostgresXmlRepository.AddDataProtectionTable(marten, Store.Schema);
        }, bus =>
        {
            bus.AddRequestClient<SalesOrderForInvoiceRequested>(RequestTimeout.After(s: 30));
            bus.AddRequestClient<SalesOrdersForInvoiceRequested>(RequestTimeout.After(s: 30));
        });
        // The emitters' A1 certificates are encrypted at rest with Data Protection.
        builder.Services.AddSecretProtection(builder.Configuration, "TrayBridge.Invoicing");
        builder.Services.Configure<InvoicingSettings>(builder.Configuration.GetSection("Invoicing"));
        builder.Services.AddSingleton(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<InvoicingSettings>>().Value;
            return NfeSchemaValidator.ForPackage(settings.ResolvedSchemaFolder(), settings.SchemaPackage);
        });
        builder.Services.AddSingleton<EmitterCertificates>();
        builder.Services.AddHttpClient(nameof(SefazClient), (provider, client) =>
            client.Timeout = provider.GetRequiredService<IOptions<InvoicingSettings>>().Value.SefazTimeout)
            .ConfigurePrimaryHttpMessageHandler(SefazClient.NoRedirectNoProxy);
        builder.Services.AddSingleton<SefazTrust>();
        builder.Services.AddSingleton<SefazWebServices>();
        builder.Services.AddSingleton<SefazClient>();
        builder.Services.AddScoped<NfeIssuer>();
        builder.Services.AddScoped<NfeOutcomes>();
        builder.Services.AddDueWorkHandler<IssueBatchChunk>();
        builder.Services.AddDueWorkHandler<SendNotes>();
        builder.Services.AddDueWorkHandler<PollReceipt>();
        return builder;
    }

    public static WebApplication MapInvoicingApi(this WebApplication app)
    {
        app.MapEmitterApi();
        app.MapTaxRulesApi();
        app.MapNfesApi();
        return app;
    }
}
