using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using TrayBridge.TrayConnector.Tray;

namespace TrayBridge.TrayConnector.Tests;

/// <summary>Issue 11, "SSRF guard gaps": IPv6 forms that carry an internal IPv4 address (NAT64, 6to4, IPv4-compatible),
/// Teredo, a port other than Tray's, and a proxy from the environment must not take our consumer secret or a token to an
/// internal service. Nothing here sends traffic anywhere but loopback: refusals happen before connecting.</summary>
public sealed class SsrfGuardTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("64:ff9b::a01:203")]          // NAT64 of 10.1.2.3
    [InlineData("64:ff9b::a9fe:a9fe")]        // NAT64 of 169.254.169.254, the cloud metadata service
    [InlineData("64:ff9b::7f00:1")]           // NAT64 of 127.0.0.1
    [InlineData("64:ff9b:1:ffff::a01:203")]   // local-use NAT64
    [InlineData("2002:c0a8:101::1")]          // 6to4 of 192.168.1.1
    [InlineData("2002:a9fe:a9fe::1")]         // 6to4 of 169.254.169.254
    [InlineData("::a01:203")]                 // IPv4-compatible 10.1.2.3
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2")] // Teredo: the target is hidden
    [InlineData("::ffff:10.1.2.3")]
    [InlineData("fd00::1")]
    public void Internal_addresses_in_IPv6_clothing_are_refused(string address) =>
        Assert.False(ApiAddressPolicy.IsAllowed(IPAddress.Parse(address)));

    [Theory]
    [InlineData("64:ff9b::808:808")]          // NAT64 of a public address
    [InlineData("2002:808:808::1")]
    [InlineData("2606:4700::6810:84e5")]
    [InlineData("200.147.3.157")]
    public void Public_addresses_stay_allowed(string address) =>
        Assert.True(ApiAddressPolicy.IsAllowed(IPAddress.Parse(address)));

    [Fact]
    public async Task A_port_other_than_443_is_refused_before_even_resolving_the_name()
    {
        using var client = new HttpClient(ApiAddressPolicy.Handler(Policy()));

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("https://minhaloja.commercesuite.com.br:8443/web_api/products", Cancel));

        Assert.Contains("porta diferente de 443", refused.Message);
    }

    [Fact]
    public async Task A_proxy_is_never_used_so_it_cannot_reach_an_internal_target_for_us()
    {
        using var proxy = Listen();
        using var target = Listen();
        var handler = ApiAddressPolicy.Handler(Policy(simulatorHost: "127.0.0.1"));
        // As HTTPS_PROXY / HTTP_PROXY would set it for a handler that honours proxies.
        handler.Proxy = new WebProxy($"http://127.0.0.1:{Port(proxy)}");
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };

        var call = client.GetAsync($"http://127.0.0.1:{Port(target)}/web_api/products", Cancel);
        using var reached = await target.AcceptSocketAsync(Cancel).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Cancel);

        Assert.False(proxy.Pending(), "The request went to the proxy.");
        reached.Close();
        await Assert.ThrowsAnyAsync<Exception>(() => call);
    }

    private static ApiAddressPolicy Policy(string simulatorHost = "") =>
        new(Options.Create(new TraySettings { SimulatorHost = simulatorHost }));

    private static TcpListener Listen()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }

    private static int Port(TcpListener listener) => ((IPEndPoint)listener.LocalEndpoint).Port;
}
