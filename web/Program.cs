using TrayBridge.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddPanel();

var app = builder.Build();
app.UsePanel();
app.Run();

public partial class Program;
