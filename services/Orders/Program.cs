using TrayBridge.Orders.Extensions;
using TrayBridge.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("orders");
builder.AddOrders();

var app = builder.Build();
app.UseServiceDefaults("/api/orders");
app.MapOrdersApi();
app.Run();

public partial class Program;
