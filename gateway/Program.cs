using TrayBridge.Gateway.Extensions;
using TrayBridge.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("gateway", "Yarp.ReverseProxy");
builder.AddGateway();

var app = builder.Build();
app.UseServiceDefaults("/gateway");
app.UseRateLimiter(); // after the token: the bucket is the tenant's
app.MapUnknownApiPaths();
app.MapReverseProxy();
app.Run();

public partial class Program;
