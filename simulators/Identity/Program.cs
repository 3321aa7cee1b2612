using TrayBridge.IdentitySimulator.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddIdentitySimulator();

var app = builder.Build();
app.MapIdentitySimulator();
app.Run();

public partial class Program;
