using TrayBridge.Samples.Subscriber;

var builder = WebApplication.CreateBuilder(args);
builder.AddTrayBridgeSubscriber();

var app = builder.Build();
app.MapHealthChecks("/health/ready");
app.MapHealthChecks("/health/live");
app.MapReceivedEvents();
app.Run();
