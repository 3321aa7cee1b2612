using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrayBridge.ServiceDefaults.Telemetry;

namespace TrayBridge.ServiceDefaults.Tests;

/// <summary>An anonymous link's token is a credential: every log provider and every span sees it masked.</summary>
public sealed class LinkRedactionTests
{
    private const string Token = "q3Zr0cM9x8Yk2bT7wV1nLpA4sD6fG5hJ";

    [Theory]
    [InlineData("Request starting HTTP/1.1 GET http://h/public/invoicing/nfes/" + Token + "/danfe - - -", "http://h/public/invoicing/nfes/***/danfe")]
    [InlineData("GET /public/catalog/images/" + Token + "/ab12.png", "/public/catalog/images/***/ab12.png")]
    [InlineData("/public/invoicing/nfes/" + Token, "/public/invoicing/nfes/***")]
    public void The_token_of_a_link_is_masked(string text, string expected)
    {
        var redacted = LinkRedaction.Redact(text);

        Assert.DoesNotContain(Token, redacted);
        Assert.Contains(expected, redacted);
    }

    [Fact]
    public void Log_messages_values_and_scopes_lose_the_token_in_every_provider()
    {
        var captured = new Capture();
        using var services = new ServiceCollection().AddLogging(l => l.AddProvider(captured)).AddLinkRedactingLogging().BuildServiceProvider();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics");

        using (logger.BeginScope(new Dictionary<string, object?> { ["RequestPath"] = $"/public/invoicing/nfes/{Token}/xml" }.ToList()))
            logger.LogInformation("Request starting {Path}", $"/public/invoicing/nfes/{Token}/xml");

        var (message, values) = Assert.Single(captured.Entries);
        Assert.Equal("Request starting /public/invoicing/nfes/***/xml", message);
        Assert.Equal("/public/invoicing/nfes/***/xml", values.Single(v => v.Key == "Path").Value);
        Assert.DoesNotContain(Token, string.Join(" ", captured.Scopes));
        Assert.Contains("/public/invoicing/nfes/***/xml", string.Join(" ", captured.Scopes));
    }

    [Fact]
    public void A_span_loses_the_token_before_it_is_exported()
    {
        using var activity = new Activity("GET").Start();
        activity.SetTag("url.path", $"/public/catalog/images/{Token}/a.png");
        activity.SetTag("url.full", $"http://catalog/public/catalog/images/{Token}/a.png");
        activity.SetTag("http.route", "/public/catalog/images/{token}/{fileName}");
        activity.Stop();

        new LinkRedactingSpanProcessor().OnEnd(activity);

        Assert.Equal(("/public/catalog/images/***/a.png", "http://catalog/public/catalog/images/***/a.png", "/public/catalog/images/{token}/{fileName}"),
            (activity.GetTagItem("url.path"), activity.GetTagItem("url.full"), activity.GetTagItem("http.route")));
    }

    private sealed class Capture : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider? _scopes;
        public List<(string Message, IReadOnlyList<KeyValuePair<string, object?>> Values)> Entries { get; } = [];
        public List<string> Scopes { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this);
        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;
        public void Dispose() { }

        private sealed class Logger(Capture capture) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture._scopes?.Push(state);
            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                capture.Entries.Add((formatter(state, exception), state as IReadOnlyList<KeyValuePair<string, object?>> ?? []));
                capture._scopes?.ForEachScope((scope, list) => list.Add(scope is IEnumerable<KeyValuePair<string, object?>> pairs
                    ? string.Join(",", pairs.Select(p => $"{p.Key}={p.Value}")) : scope?.ToString() ?? ""), capture.Scopes);
            }
        }
    }
}
