using TrayBridge.Catalog.Extensions;
using TrayBridge.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("catalog");
builder.AddCatalog();

var app = builder.Build();
app.UseServiceDefaults("/api/catalog");
app.MapCatalogApi();
app.Run();

public partial class Program;
