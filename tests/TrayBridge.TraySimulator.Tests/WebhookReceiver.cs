using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TrayBridge.TraySimulator.Tests;

/// <summary>A webhook endpoint at <c>/webhooks/tray</c> that keeps every form it gets; the first <see cref="FailFirst"/> get a 503.</summary>
public sealed class WebhookReceiver
{
    public ConcurrentQueue<Dictionary<string, string>> Received { get; } = new();
    public int FailFirst;

    public void Map(WebApplication app) => app.MapPost("/webhooks/tray", async (HttpRequest request) =>
    {
        var form = await request.ReadFormAsync();
        Received.Enqueue(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
        return Interlocked.Decrement(ref FailFirst) >= 0 ? Results.StatusCode(503) : Results.Ok();
    });

    /// <summary>Waits for a notification about <paramref name="scopeId"/> with <paramref name="act"/>.</summary>
    public Task<Dictionary<string, string>> ForAsync(string scopeId, string act) =>
        Json.EventuallyAsync(() => Received.FirstOrDefault(r => r["scope_id"] == scopeId && r["act"] == act));

    /// <summary>A simulator session whose webhooks come here.</summary>
    public static async Task<(WebhookReceiver Receiver, LocalServer Server)> ListenAsync(TraySession tray)
    {
        var receiver = new WebhookReceiver();
        var server = await LocalServer.StartAsync(receiver.Map);
        tray.Host.Admin.ConfigureWebhooks(new Uri(server.Address, "/webhooks/tray").ToString());
        return (receiver, server);
    }
}
