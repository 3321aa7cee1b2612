using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using TrayBridge.ServiceDefaults.Telemetry;

namespace TrayBridge.Deploy.Tests;

/// <summary>Issue 15: the Grafana dashboard and the Prometheus alert rules graph only metrics the services define, and the
/// two alerts an operator was promised are there ("a store failing for 30 minutes", "relay lag over a minute").</summary>
public sealed partial class MetricsDeployTests
{
    private const string Dashboard = "deploy/grafana/traybridge.json";
    private const string Alerts = "deploy/prometheus/alerts.yaml";

    /// <summary>The OpenTelemetry names the code defines, and every instrument created with one of them somewhere.</summary>
    private static IReadOnlyList<(string Constant, string Name)> Defined() =>
        typeof(MetricNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.GetRawConstantValue() is string value && value.StartsWith("traybridge.", StringComparison.Ordinal))
            .Select(f => (f.Name, (string)f.GetRawConstantValue()!)).ToList();

    /// <summary>As the Prometheus exporter writes them: dots to underscores, and counters with <c>_total</c>.</summary>
    private static HashSet<string> PrometheusNames() =>
        Defined().SelectMany(d => new[] { d.Name.Replace('.', '_'), d.Name.Replace('.', '_') + "_total" }).ToHashSet();

    private static IEnumerable<string> Used(string relativePath) =>
        MetricName().Matches(File.ReadAllText(Repository.PathOf(relativePath))).Select(m => m.Value).Distinct();

    [Fact]
    public void Every_metric_the_dashboard_and_the_alerts_use_is_one_the_services_define()
    {
        var known = PrometheusNames();
        Assert.NotEmpty(Used(Dashboard));
        Assert.NotEmpty(Used(Alerts));
        Expect.None(new[] { Dashboard, Alerts }.SelectMany(file => Used(file).Where(name => !known.Contains(name))
            .Select(name => $"{file} uses {name}, which no constant of MetricNames defines.")));
    }

    [Fact]
    public void Every_defined_metric_is_created_by_some_service_and_graphed_on_the_dashboard()
    {
        var code = string.Concat(Directory.EnumerateFiles(Repository.PathOf("services"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && Path.GetFileName(f) != "MetricNames.cs")
            .Select(File.ReadAllText));
        var graphed = Used(Dashboard).ToHashSet();
        Expect.None(Defined().SelectMany(d => new[]
        {
            code.Contains($"MetricNames.{d.Constant}", StringComparison.Ordinal) ? null : $"{d.Name} is defined but no service creates it.",
            graphed.Contains(d.Name.Replace('.', '_')) || graphed.Contains(d.Name.Replace('.', '_') + "_total") ? null : $"{d.Name} is on no panel of {Dashboard}.",
        }).OfType<string>());
    }

    [Fact]
    public void The_alerts_fire_on_a_store_failing_for_30_minutes_and_on_relay_lag_over_a_minute()
    {
        var rules = Yaml.Load(Repository.PathOf(Alerts)).Single().Items("groups").SelectMany(g => g.Items("rules")).ToList();
        Assert.All(rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Text("alert")) || string.IsNullOrWhiteSpace(r.Text("annotations", "summary"))));
        var expressions = rules.Select(r => Regex.Replace(r.Text("expr") ?? "", @"\s+", " ")).ToList();
        Assert.Contains(expressions, e => e.Contains("traybridge_tray_store_failing_seconds", StringComparison.Ordinal) && e.EndsWith("> 1800", StringComparison.Ordinal));
        Assert.Contains(expressions, e => e.Contains("traybridge_relay_lag_seconds", StringComparison.Ordinal) && e.EndsWith("> 60", StringComparison.Ordinal));
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Repository.PathOf(Dashboard)));
        Assert.All(dashboard.RootElement.GetProperty("panels").EnumerateArray(),
            p => Assert.All(p.GetProperty("targets").EnumerateArray(), t => Assert.False(string.IsNullOrWhiteSpace(t.GetProperty("expr").GetString()))));
    }

    [Fact]
    public void Prometheus_scrapes_the_services_on_their_own_port_and_never_the_gateway_or_the_panel()
    {
        var deployments = new[] { "catalog", "orders", "invoicing", "tray-connector", "gateway", "web" }
            .Select(name => (Name: name, Deployment: Yaml.Load(Repository.PathOf($"deploy/k8s/base/{name}.yaml")).Single(d => d.Text("kind") == "Deployment")))
            .Append((Name: "tray-connector-store", Deployment: Yaml.Load(Repository.PathOf("deploy/k8s/components/dedicated-connector/template/deployment.yaml"))
                .Single(d => d.Text("kind") == "Deployment")));
        Expect.None(deployments.Select(d =>
        {
            var annotations = d.Deployment.At("spec", "template", "metadata", "annotations");
            var port = d.Deployment.Items("spec", "template", "spec", "containers").First().Items("ports").First().Text("containerPort");
            var scraped = annotations.Text("prometheus.io/scrape") == "true";
            if (d.Name is "gateway" or "web") return scraped ? $"{d.Name} is scraped: it serves no metrics." : null;
            return scraped && annotations.Text("prometheus.io/port") == port && annotations.Text("prometheus.io/path") == "/metrics"
                ? null : $"{d.Name} lacks the prometheus.io annotations for /metrics on port {port}.";
        }).OfType<string>());
    }

    [GeneratedRegex(@"\btraybridge_[a-z0-9_]+\b")]
    private static partial Regex MetricName();
}
