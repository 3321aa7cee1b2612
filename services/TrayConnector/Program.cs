using TrayBridge.ServiceDefaults;
using TrayBridge.TrayConnector.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("tray-connector");
builder.AddTrayConnector();

var app = builder.Build();
app.UseServiceDefaults("/api/tray");
app.MapTrayConnectorApi();
app.Run();

public partial class Program;
