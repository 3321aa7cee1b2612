using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace TrayBridge.TrayConnector.Tray;

/// <summary>Where we may send our consumer secret and tokens. The address is typed by a tenant, so this guards against
/// server-side request forgery: https only, no credentials in the URL, and — checked again at connect time, after DNS,
/// so rebinding cannot dodge it — no private, loopback, link-local or otherwise internal address. Only the configured
/// simulator host is exempt.</summary>
public sealed class ApiAddressPolicy(IOptions<TraySettings> options)
{
    private readonly TraySettings _settings = options.Value;

    /// <summary>The normalised address (no trailing slash), or why it is refused.</summary>
    public (string? Address, string? Problem) Normalize(string? typed)
    {
        if (!Uri.TryCreate(typed?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            return (null, "Informe o endereço completo da API, em https, por exemplo https://minhaloja.commercesuite.com.br/web_api.");
        if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            return (null, "O endereço da API não pode conter usuário e senha, parâmetros (?…) ou fragmento (#…).");
        if (IsSimulator(uri.Host)) return (uri.GetLeftPart(UriPartial.Path).TrimEnd('/'), null);
        if (uri.Scheme == "http") return (null, "O endereço da API precisa usar https.");
        if (IPAddress.TryParse(uri.Host, out var literal) && !IsAllowed(literal))
            return (null, "O endereço da API aponta para um endereço de rede privado ou interno.");
        return (uri.GetLeftPart(UriPartial.Path).TrimEnd('/'), null);
    }

    private bool IsSimulator(string host) =>
        _settings.SimulatorHost.Length > 0 && string.Equals(host, _settings.SimulatorHost, StringComparison.OrdinalIgnoreCase);

    public static bool IsAllowed(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return !(IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast
                     || address.Equals(IPAddress.IPv6Any));
        var b = address.GetAddressBytes();
        return !(b[0] is 0 or 10 or 127 or >= 224               // "this" network, private, loopback, multicast and reserved
                 || (b[0] == 100 && b[1] is >= 64 and < 128)     // carrier-grade NAT
                 || (b[0] == 169 && b[1] == 254)                 // link-local, cloud metadata
                 || (b[0] == 172 && b[1] is >= 16 and < 32)
                 || (b[0] == 192 && b[1] == 168)
                 || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                 || (b[0] == 198 && b[1] is 18 or 19));
    }

    /// <summary>A <see cref="SocketsHttpHandler.ConnectCallback"/> that resolves the host and connects only to an allowed address.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
        var allowed = IsSimulator(context.DnsEndPoint.Host) ? addresses : addresses.Where(IsAllowed).ToArray();
        if (allowed.Length == 0)
            throw new HttpRequestException($"conexão recusada: {context.DnsEndPoint.Host} aponta para um endereço de rede privado ou interno.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
