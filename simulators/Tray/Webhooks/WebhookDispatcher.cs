using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using TrayBridge.TraySimulator.Auth;
using TrayBridge.TraySimulator.Gateway;
using TrayBridge.TraySimulator.Settings;
using TrayBridge.TraySimulator.Stores;

namespace TrayBridge.TraySimulator.Webhooks;

/// <summary>
/// Tray's notification system (tray-api.md §7): a form-encoded POST of <c>seller_id, scope_name, scope_id, act, app_code,
/// url_notification</c> to the one URL configured for the app, redelivered with growing delays until it gets a 200.
/// </summary>
public sealed class WebhookDispatcher(IHttpClientFactory http, SettingsHolder settings, TokenService tokens, AppRegistry apps,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private readonly Channel<Notification> _pending = Channel.CreateUnbounded<Notification>();
    private readonly ConcurrentQueue<WebhookDelivery> _deliveries = new();
    private WebhookTarget _target = WebhookTarget.None;

    public WebhookTarget Target => Volatile.Read(ref _target);

    public void Configure(WebhookTarget target)
    {
        if (target.DuplicateShare is < 0 or > 1) throw new ArgumentException("duplicateShare goes from 0 to 1.");
        Volatile.Write(ref _target, target);
    }

    public IReadOnlyList<WebhookDelivery> Deliveries => _deliveries.ToList();

    public void Notify(Store store, string scope, long id, string act)
    {
        var target = Target;
        if (target.Url is null) return;
        var appCode = tokens.LatestFor(store.Id)?.AppCode ?? apps.First?.AppCode ?? "";
        var notification = new Notification(store.Id, scope, id.ToString(CultureInfo.InvariantCulture), act, appCode, target.Url);
        _pending.Writer.TryWrite(notification);
        // Tray asks receivers to de-duplicate; this makes them prove it.
        if (FaultInjector.Hits(target.DuplicateShare)) _pending.Writer.TryWrite(notification);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var notification in _pending.Reader.ReadAllAsync(stoppingToken))
            _ = DeliverAsync(notification, stoppingToken);
    }

    private async Task DeliverAsync(Notification notification, CancellationToken stoppingToken)
    {
        var client = http.CreateClient(nameof(WebhookDispatcher));
        var current = settings.Current;
        for (var attempt = 1; attempt <= current.WebhookMaxAttempts && !stoppingToken.IsCancellationRequested; attempt++)
        {
            int status;
            try
            {
                using var response = await client.PostAsync(notification.Url, new FormUrlEncodedContent(notification.Fields()), stoppingToken);
                status = (int)response.StatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                logger.LogInformation("Webhook to {Url} failed: {Error}", notification.Url, e.Message);
                status = 0;
            }
            _deliveries.Enqueue(new WebhookDelivery(notification, attempt, status));
            if (status == 200) return;
            try
            {
                await Task.Delay(current.WebhookRetryDelay * Math.Pow(2, attempt - 1), stoppingToken);
            }
            catch (TaskCanceledException)
            {
                return;
            }
        }
    }
}

public sealed record WebhookTarget(string? Url, double DuplicateShare)
{
    public static readonly WebhookTarget None = new(null, 0);
}

public sealed record Notification(string SellerId, string ScopeName, string ScopeId, string Act, string AppCode, string Url)
{
    public Dictionary<string, string> Fields() => new()
    {
        ["seller_id"] = SellerId, ["scope_name"] = ScopeName, ["scope_id"] = ScopeId,
        ["act"] = Act, ["app_code"] = AppCode, ["url_notification"] = Url,
    };
}

/// <summary>One delivery attempt; status 0 when no HTTP answer came.</summary>
public sealed record WebhookDelivery(Notification Notification, int Attempt, int Status);
