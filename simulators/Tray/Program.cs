using TrayBridge.TraySimulator.Extensions;

var builder = WebApplication.CreateBuilder(args);
// As a process the clock is the system's, moved ahead by POST /admin/clock/advance.
builder.AddTraySimulator(TimeProvider.System);

var app = builder.Build();
app.MapTraySimulator();
app.Run();

public partial class Program;
