using TrayBridge.ServiceDefaults.DueWork;

namespace TrayBridge.TrayConnector.Features.Invoices;

public static class InvoiceFeedbackExtensions
{
    /// <summary>NF-e back to Tray: <see cref="NfeIssuedConsumer"/> records, <see cref="SendInvoice"/> delivers.</summary>
    public static WebApplicationBuilder AddInvoiceFeedback(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<TrayInvoiceLookup>();
        builder.Services.AddScoped<TrayInvoicePoster>();
        // Invoicing's signed XML link (its public endpoint): no Tray budget, no Tray token, a bounded wait.
        builder.Services.AddHttpClient(InvoiceXmlSource.ClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
        builder.Services.AddScoped<InvoiceXmlSource>();
        builder.Services.AddScoped<InvoicedStatus>();
        builder.Services.AddDueWorkHandler<SendInvoice>();
        builder.Services.AddDueWorkHandler<CancelInvoice>();
        return builder;
    }
}
