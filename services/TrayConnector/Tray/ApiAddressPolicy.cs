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

    /// <summary>Tray's API lives at <c>/web_api</c> of the store's host (tray-api.md §1.1).</summary>
    public const string ApiPath = "/web_api";

    /// <summary>The API address as Tray serves it, <c>https://&lt;host&gt;/web_api</c>, from what a merchant typed in Site (URL):
    /// often the shop's domain (<c>www.minhaloja.com.br</c>), without <c>/web_api</c>, with a trailing slash or with
    /// <c>http://</c>, all of which would otherwise end in a 404 read as "Tray refused the code". Or why it is refused. Only
    /// the configured simulator host keeps <c>http</c> and its path (<c>/{storeId}/web_api</c>), for development and tests.</summary>
    public (string? Address, string? Problem) Normalize(string? typed)
    {
        var text = typed?.Trim() ?? "";
        if (text.Length > 0 && !text.Contains("://", StringComparison.Ordinal)) text = "https://" + text;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Host.Length == 0)
            return (null, "Informe o endereço da sua loja ou da API, por exemplo https://minhaloja.commercesuite.com.br/web_api.");
        if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            return (null, "O endereço da API não pode conter usuário e senha, parâmetros (?…) ou fragmento (#…).");
        var port = uri.IsDefaultPort ? "" : $":{uri.Port}";
        if (IsSimulator(uri.Host))
        {
            var scheme = typed!.Contains("://", StringComparison.Ordinal) ? uri.Scheme : "http";
            return ($"{scheme}://{uri.Host}{port}{ApiPathOf(uri, keepPath: true)}", null);
        }
        if (IPAddress.TryParse(uri.Host, out var literal) && !IsAllowed(literal))
            return (null, "O endereço da API aponta para um endereço de rede privado ou interno.");
        // https always: the consumer secret and the tokens travel in this request; an http:// typed is upgraded, not refused.
        if (uri.Scheme == "http") port = uri.Port == 80 ? "" : port;
        return ($"https://{uri.Host}{port}{ApiPathOf(uri, keepPath: false)}", null);
    }

    /// <summary>What <see cref="Normalize"/> changed, in pt-BR, for the registration's answer; null when it was typed as Tray serves it.</summary>
    public static string? AdjustmentNote(string? typed, string address) =>
        string.Equals(typed?.Trim(), address, StringComparison.Ordinal) ? null : $"Endereço da API ajustado para {address}.";

    /// <summary>The path up to and including <c>/web_api</c> when typed; otherwise <c>/web_api</c> at the root (a shop's page
    /// was pasted), or after the path for the simulator, whose stores live under <c>/{storeId}</c>.</summary>
    private static string ApiPathOf(Uri uri, bool keepPath)
    {
        var path = uri.AbsolutePath.TrimEnd('/');
        var at = path.IndexOf(ApiPath, StringComparison.OrdinalIgnoreCase);
        if (at >= 0 && (path.Length == at + ApiPath.Length || path[at + ApiPath.Length] == '/')) return path[..at] + ApiPath;
        return keepPath ? path + ApiPath : ApiPath;
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
