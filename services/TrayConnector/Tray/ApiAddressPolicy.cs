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

    /// <summary>Whether an address is on the public internet. IPv6 forms that carry an IPv4 address inside (NAT64, 6to4,
    /// IPv4-compatible) are judged by that address, since a gateway on the way would deliver them there; Teredo hides
    /// its target and is refused outright.</summary>
    public static bool IsAllowed(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var v6 = address.GetAddressBytes();
            if (EmbeddedIPv4(v6) is { } inner) return IsAllowed(inner);
            if (v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0 && v6[3] == 0) return false; // Teredo 2001::/32
            if (v6[0] == 0 && v6[1] == 0x64 && v6[2] == 0xff && v6[3] == 0x9b && v6[4] == 0 && v6[5] == 1) return false; // local-use NAT64
            return !(IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast
                     || address.Equals(IPAddress.IPv6Any));
        }
        var b = address.GetAddressBytes();
        return !(b[0] is 0 or 10 or 127 or >= 224               // "this" network, private, loopback, multicast and reserved
                 || (b[0] == 100 && b[1] is >= 64 and < 128)     // carrier-grade NAT
                 || (b[0] == 169 && b[1] == 254)                 // link-local, cloud metadata
                 || (b[0] == 172 && b[1] is >= 16 and < 32)
                 || (b[0] == 192 && b[1] == 168)
                 || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                 || (b[0] == 198 && b[1] is 18 or 19));
    }

    /// <summary>The IPv4 address inside well-known NAT64 (64:ff9b::/96: the last 32 bits), 6to4 (2002::/16: bits 16–47) or
    /// IPv4-compatible (::/96) addresses; null for any other IPv6 address. (Local-use NAT64, 64:ff9b:1::/48, places the
    /// IPv4 address by its operator's prefix length, so it is refused whole.)</summary>
    private static IPAddress? EmbeddedIPv4(byte[] v6)
    {
        if (v6[0] == 0 && v6[1] == 0x64 && v6[2] == 0xff && v6[3] == 0x9b && v6.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
            return new IPAddress(v6.AsSpan(12, 4));
        if (v6[0] == 0x20 && v6[1] == 0x02) return new IPAddress(v6.AsSpan(2, 4));
        if (v6.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0 && !(v6[12] == 0 && v6[13] == 0 && v6[14] == 0)) return new IPAddress(v6.AsSpan(12, 4));
        return null;
    }

    /// <summary>One answer for every refusal, whatever the reason: the tenant must not learn which internal hosts or ports
    /// exist (no port-scan oracle).</summary>
    private static HttpRequestException Refused(string host) =>
        new($"conexão recusada: {host} aponta para um endereço de rede privado ou interno, ou para uma porta diferente de {TrayPort}.");

    /// <summary>Tray's API is served on 443; any other port is a probe of something else (the simulator is exempt).</summary>
    public const int TrayPort = 443;

    /// <summary>The handler every Tray client connects through: only where this policy allows, no redirects, and no proxy
    /// (with <c>HTTPS_PROXY</c> honoured the connection would go to the proxy, whose address the policy allows, and the
    /// proxy would reach an internal target for us).</summary>
    public static SocketsHttpHandler Handler(ApiAddressPolicy policy) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        ConnectCallback = policy.ConnectAsync,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    /// <summary>A <see cref="SocketsHttpHandler.ConnectCallback"/> that resolves the host and connects only to an allowed address.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var simulator = IsSimulator(context.DnsEndPoint.Host);
        if (!simulator && context.DnsEndPoint.Port != TrayPort)
            throw Refused(context.DnsEndPoint.Host);
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
        var allowed = simulator ? addresses : addresses.Where(IsAllowed).ToArray();
        if (allowed.Length == 0)
            throw Refused(context.DnsEndPoint.Host);
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
