using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using System.Buffers.Text;

namespace TrayBridge.TestSupport;

/// <summary>The tokens the identity provider's token endpoint answers.</summary>
public sealed record IdentityTokens(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("id_token")] string? IdToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>One browser signing in to the identity provider simulator the way the panel does: the authorization code
/// flow with PKCE (S256), the login form posted with its anti-forgery token, the code taken from the redirect to the
/// client's registered URI (never followed) and redeemed with the verifier and the client's secret. The cookies are kept,
/// so a second authorize of the same flow is silent, as in a browser.</summary>
public sealed partial class IdentityFlow(Uri identity, string clientId, string clientSecret, string redirectUri) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
    {
        BaseAddress = identity,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public HttpClient Http => _http;
    public string RedirectUri => redirectUri;

    /// <summary>Signs in (when the identity provider's session does not exist yet) and returns the tokens.</summary>
    public async Task<IdentityTokens> SignInAsync(string email, string password, string scope = "openid profile email offline_access")
    {
        var (verifier, challenge) = Pkce();
        var response = await _http.GetAsync(AuthorizeUrl(challenge, scope));
        if (IsRedirectTo(response, "/account/login"))
        {
            var login = await LoginAsync(response.Headers.Location!, email, password);
            if (login.StatusCode != HttpStatusCode.Redirect)
                throw new InvalidOperationException($"The login failed: {(int)login.StatusCode}.");
            response = await _http.GetAsync(login.Headers.Location);
        }
        return await RedeemAsync(CodeFrom(response), verifier);
    }

    /// <summary>The authorize URL of a code flow; <paramref name="codeChallenge"/> null leaves PKCE out.</summary>
    public string AuthorizeUrl(string? codeChallenge, string scope = "openid profile email offline_access", string? state = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = clientId, ["redirect_uri"] = redirectUri, ["response_type"] = "code", ["scope"] = scope,
            ["state"] = state ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(8)), ["nonce"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)),
        };
        if (codeChallenge is not null) (query["code_challenge"], query["code_challenge_method"]) = (codeChallenge, "S256");
        return WithQuery("connect/authorize", query);
    }

    /// <summary>Reads the login page at <paramref name="loginPage"/> and posts its form with these credentials.</summary>
    public async Task<HttpResponseMessage> LoginAsync(Uri loginPage, string email, string password)
    {
        var html = await (await _http.GetAsync(loginPage)).Content.ReadAsStringAsync();
        var fields = HiddenField().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["email"] = email;
        fields["password"] = password;
        return await _http.PostAsync("account/login", new FormUrlEncodedContent(fields));
    }

    public Task<IdentityTokens> RedeemAsync(string code, string verifier, string? secret = null) => TokenAsync(new()
    {
        ["grant_type"] = "authorization_code", ["code"] = code, ["code_verifier"] = verifier, ["redirect_uri"] = redirectUri,
    }, secret);

    public Task<IdentityTokens> RefreshAsync(string refreshToken) =>
        TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken });

    /// <summary>The token endpoint's raw answer, for tests of its refusals.</summary>
    public Task<HttpResponseMessage> PostTokenAsync(Dictionary<string, string> form, string? secret = null)
    {
        form["client_id"] = clientId;
        form["client_secret"] = secret ?? clientSecret;
        return _http.PostAsync("connect/token", new FormUrlEncodedContent(form));
    }

    /// <summary>RP-initiated logout, as the panel's sign-out sends it.</summary>
    public Task<HttpResponseMessage> LogoutAsync(string? idToken, string? postLogoutRedirectUri) =>
        _http.GetAsync(WithQuery("connect/logout", new Dictionary<string, string?>
        {
            ["id_token_hint"] = idToken, ["post_logout_redirect_uri"] = postLogoutRedirectUri, ["state"] = "x",
        }));

    private async Task<IdentityTokens> TokenAsync(Dictionary<string, string> form, string? secret = null)
    {
        var response = await PostTokenAsync(form, secret);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"The token endpoint answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<IdentityTokens>())!;
    }

    /// <summary>The code of a redirect to the client's redirect URI.</summary>
    public string CodeFrom(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.ToString() ?? "";
        if (response.StatusCode != HttpStatusCode.Redirect || !location.StartsWith(redirectUri + "?", StringComparison.Ordinal))
            throw new InvalidOperationException($"Expected a redirect to {redirectUri}, got {(int)response.StatusCode} {location}");
        return QueryValue(location, "code") ?? throw new InvalidOperationException($"No code in {location}");
    }

    public static bool IsRedirectTo(HttpResponseMessage response, string path) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } l
        && (l.IsAbsoluteUri ? l.AbsolutePath : l.OriginalString.Split('?')[0]) == path;

    /// <summary>A fresh PKCE pair: a random verifier and its S256 challenge.</summary>
    public static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    /// <summary>The value of a query parameter of a URL, decoded; null when absent.</summary>
    public static string? QueryValue(string url, string name) =>
        (url.Split('?', 2) is [_, var query] ? query.Split('&') : [])
            .Select(pair => pair.Split('=', 2))
            .Where(pair => Uri.UnescapeDataString(pair[0]) == name)
            .Select(pair => Uri.UnescapeDataString(pair.Length > 1 ? pair[1].Replace('+', ' ') : ""))
            .FirstOrDefault();

    private static string WithQuery(string path, IReadOnlyDictionary<string, string?> query) =>
        path + "?" + string.Join('&', query.Where(p => p.Value is not null)
            .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value!)}"));

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)">""")]
    private static partial Regex HiddenField();

    public void Dispose() => _http.Dispose();
}
