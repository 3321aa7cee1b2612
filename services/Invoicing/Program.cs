using TrayBridge.Invoicing.Extensions;
using TrayBridge.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("invoicing");
builder.AddInvoicing();

var app = builder.Build();
app.UseServiceDefaults("/api/invoicing");
app.MapInvoicingApi();
app.Run();

public partial class Program;
