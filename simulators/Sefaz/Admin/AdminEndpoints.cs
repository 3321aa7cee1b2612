using System.Globalization;
using System.Text.Json.Nodes;
using TrayBridge.SefazSimulator.Settings;

namespace TrayBridge.SefazSimulator.Admin;

/// <summary><c>/admin</c>: JSON, no certificate; what tests and demos drive the simulator with.</summary>
public static class AdminEndpoints
{
    public static void MapAdminApi(this WebApplication app)
    {
        var admin = app.MapGroup("/admin").AddEndpointFilter(Guard);

        admin.MapGet("/notes", (SimulatorAdmin sim) => Results.Ok(sim.Notes()));
        admin.MapGet("/notes/{key}/nfeProc", (string key, SimulatorAdmin sim) =>
            sim.NfeProc(key) is { } xml ? Results.Text(xml, "application/xml; charset=utf-8") : Results.NotFound(new { error = $"No authorized NF-e {key}." }));
        admin.MapGet("/lots", (SimulatorAdmin sim) => Results.Ok(sim.Lots()));
        admin.MapGet("/inutilizacoes", (SimulatorAdmin sim) => Results.Ok(sim.Voided()));
        admin.MapGet("/events", (string? key, SimulatorAdmin sim) => Results.Ok(sim.Events().Where(e => key is null || e.Key == key)));
        admin.MapGet("/requests", (int? last, SimulatorAdmin sim) => Results.Ok(sim.Requests(last ?? 100)));

        admin.MapGet("/faults", (SimulatorAdmin sim) => Results.Ok(sim.Faults));
        admin.MapPut("/faults", (Faults.Faults body, SimulatorAdmin sim) =>
        {
            sim.SetFaults(body);
            return Results.Ok(sim.Faults);
        });
        admin.MapDelete("/faults", (SimulatorAdmin sim) =>
        {
            sim.ClearFaults();
            return Results.NoContent();
        });

        admin.MapGet("/settings", (SimulatorAdmin sim) => Results.Ok(SettingsHolder.ToJson(sim.Settings)));
        admin.MapPut("/settings", (JsonObject body, SimulatorAdmin sim) =>
            Results.Ok(SettingsHolder.ToJson(sim.UpdateSettings(current => SettingsHolder.Merge(current, body)))));

        admin.MapGet("/clock", (SimulatorAdmin sim) => Results.Ok(new { now = sim.Now }));
        admin.MapPost("/clock/advance", (AdvanceRequest body, SimulatorAdmin sim) =>
        {
            sim.AdvanceClock(TimeSpan.Parse(body.By, CultureInfo.InvariantCulture));
            return Results.Ok(new { now = sim.Now });
        });
    }

    // Invalid values are the caller's mistakes: 400 with the reason.
    private static async ValueTask<object?> Guard(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or System.Text.Json.JsonException)
        {
            return Results.BadRequest(new { error = e.Message });
        }
    }
}

public sealed record AdvanceRequest(string By);
