using TrayBridge.SefazSimulator.Hosting;

var builder = WebApplication.CreateBuilder(args);
// As a process the clock is the system's, moved ahead by POST /admin/clock/advance.
builder.AddSefazSimulator(TimeProvider.System);

var app = builder.Build();
app.MapSefazSimulator();
app.Run();

public partial class Program;
