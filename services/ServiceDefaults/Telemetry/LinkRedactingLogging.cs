using System.Collections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TrayBridge.ServiceDefaults.Telemetry;

/// <summary>Every log provider (console, OpenTelemetry) sees entries whose message, structured values and scopes have the
/// anonymous links' tokens masked (<see cref="LinkRedaction"/>): ASP.NET Core's request lines and its <c>RequestPath</c>
/// scope, HttpClient's request lines (the connector reading an XML link), YARP's proxying lines in the gateway. Done once,
/// in the logger factory, so no category and no future provider can forget it. Per-provider level rules
/// (<c>Logging:Console:LogLevel</c>) no longer apply: providers are wrapped; the category rules do.</summary>
public static class LinkRedactingLogging
{
    public static IServiceCollection AddLinkRedactingLogging(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new LoggerFactory(
            sp.GetServices<ILoggerProvider>().Select(p => new RedactingProvider(p)),
            sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(), sp.GetService<IOptions<LoggerFactoryOptions>>(),
            sp.GetService<IExternalScopeProvider>())));
        return services;
    }

    private sealed class RedactingProvider(ILoggerProvider inner) : ILoggerProvider, ISupportExternalScope
    {
        public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

        public void SetScopeProvider(IExternalScopeProvider scopeProvider)
        {
            if (inner is ISupportExternalScope scoped) scoped.SetScopeProvider(new RedactingScopes(scopeProvider));
        }

        public void Dispose() => inner.Dispose();
    }

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(Redacted.Of(state));

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel)) return;
            var message = LinkRedaction.Redact(formatter(state, exception));
            inner.Log(logLevel, eventId, new Redacted(Redacted.Pairs(state), message), exception, static (s, _) => s.Message);
        }
    }

    private sealed class RedactingScopes(IExternalScopeProvider inner) : IExternalScopeProvider
    {
        public void ForEachScope<TState>(Action<object?, TState> callback, TState state) =>
            inner.ForEachScope((scope, s) => callback(scope is null ? null : Redacted.Of(scope), s), state);

        public IDisposable Push(object? state) => inner.Push(state);
    }

    /// <summary>A log state or scope as structured values (what the OpenTelemetry and JSON providers read) and as text.</summary>
    private sealed class Redacted(IReadOnlyList<KeyValuePair<string, object?>> pairs, string message) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string Message => message;

        public static object Of(object state) => state switch
        {
            string text => LinkRedaction.Redact(text),
            IReadOnlyList<KeyValuePair<string, object?>> list => new Redacted(Pairs(list), LinkRedaction.Redact(state.ToString() ?? "")),
            _ => state.ToString() is { } text && LinkRedaction.Redact(text) is var redacted && redacted != text ? redacted : state,
        };

        public static IReadOnlyList<KeyValuePair<string, object?>> Pairs(object? state) => state is IReadOnlyList<KeyValuePair<string, object?>> list
            ? [.. list.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value is string or Uri ? LinkRedaction.Redact(p.Value.ToString() ?? "") : p.Value))]
            : [];

        public KeyValuePair<string, object?> this[int index] => pairs[index];
        public int Count => pairs.Count;
        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => pairs.GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        public override string ToString() => message;
    }
}
