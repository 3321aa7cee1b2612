namespace TrayBridge.Api.Tray;

/// <summary><c>POST /api/stores</c>: the seed's Lojas Virtuais form — Loja (<see cref="Platform"/>, only
/// <c>TrayCommerce</c>), Usuário (<see cref="StoreId"/>, Tray's store number), Site (<see cref="ApiAddress"/>, the
/// store's <c>https://…/web_api</c>, or as merchants type it: the shop's domain, without <c>/web_api</c>, with <c>http://</c>
/// or a trailing slash — normalised, see <see cref="VirtualStore.ApiAddressNote"/>) and Code.</summary>
/// <param name="Corporate">Ignored (kept for compatibility): a store's daily plan is the operator's setting,
/// <c>Tray:Budget:CorporateStores</c>.</param>
public sealed record RegisterStoreRequest(string? Platform, string? StoreId, string? ApiAddress, string? Code, bool Corporate = false);

/// <summary><c>PUT /api/stores/{id}</c>: a new code from Tray (and the API address, when it moved).</summary>
public sealed record ReauthorizeStoreRequest(string? Code, string? ApiAddress);

/// <summary>A Loja Virtual as people see it: never a code or a token. <see cref="Status"/> is the historical enum name
/// (<c>Connected</c>, <c>NeedsReauthorization</c>, …); the panel decides on <see cref="StatusCode"/> (one of
/// <see cref="StoreStatusCodes"/>) and shows <see cref="StatusLabel"/>, <see cref="StatusReason"/> (Tray's own words)
/// and <see cref="StatusSince"/>. <see cref="ApiAddressNote"/>, only in the answer of a registration or re-authorisation, says
/// how the typed Site (URL) was adjusted to the address Tray serves (<see cref="ApiAddress"/>), e.g. "Endereço da API ajustado
/// para https://minhaloja.com.br/web_api."; null when it was typed that way.</summary>
public sealed record VirtualStore(string StoreId, string Platform, string ApiAddress, string ApiHost, string Status, string? StatusReason,
    DateTimeOffset AccessExpiresAt, DateTimeOffset RefreshExpiresAt, bool ReauthorizationSoon, DateTimeOffset RegisteredAt, int DailyLimit,
    int? RequestsToday, string StatusCode, string StatusLabel, DateTimeOffset StatusSince, string? ApiAddressNote = null)
{
    /// <summary>How the store's orders are listed by date (<see cref="StoreOrderDateQueries"/>): as a range, or one day at a
    /// time since <see cref="OrderDateQueriesSince"/>, because this store's Tray misread a range.</summary>
    public string? OrderDateQueries { get; init; }
    public DateTimeOffset? OrderDateQueriesSince { get; init; }

    /// <summary>Set while this store's Tray fails (connection refused, timeouts, 5xx): since when, and the last error in
    /// pt-BR. Background work leaves the store alone meanwhile, waiting longer after each failure (up to the operator's
    /// <c>Tray:StoreBackoff:Max</c>) until <see cref="TrayRetryAt"/>; the first call that succeeds clears all three.
    /// The panel shows "Tray não responde desde …" with the error.</summary>
    public DateTimeOffset? TrayUnreachableSince { get; init; }
    public string? TrayLastError { get; init; }
    public DateTimeOffset? TrayRetryAt { get; init; }
}

/// <summary>How a store's orders are listed by date: <c>modified=aaaa-mm-dd,aaaa-mm-dd</c>, or one day at a time.</summary>
public static class StoreOrderDateQueries
{
    public const string Range = "range";
    /// <summary>Tray refused a range, ignored it or read it as its first day only: each day is asked alone.</summary>
    public const string OneDayAtATime = "one_day_at_a_time";
}

/// <summary><c>POST /api/stores/{id}/check</c> ("Testar conexão"): Tray answered, and holds this many products.</summary>
public sealed record StoreCheckResult(string StoreId, bool Connected, long Products);

/// <summary>A store's status codes (stable) and their pt-BR labels.</summary>
public static class StoreStatusCodes
{
    public const string Connected = "connected";
    /// <summary>Tray refused the refresh token and the stored code: a new code is needed (<c>PUT /api/stores/{id}</c>).</summary>
    public const string ReauthorizationNeeded = "reauthorization_needed";
    public const string Blocked = "blocked";
    public const string Inactive = "inactive";
    public const string Cancelled = "cancelled";
    /// <summary>The platform's operation disabled the store (<see cref="VirtualStore.StatusReason"/> says why): no Tray call
    /// is made for it and its work waits, until the operation enables it again.</summary>
    public const string DisabledByOperator = "disabled_by_operator";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [Connected] = "Conectada", [ReauthorizationNeeded] = "Reautorização necessária", [Blocked] = "Bloqueada na Tray",
        [Inactive] = "Inativa na Tray", [Cancelled] = "Cancelada na Tray", [DisabledByOperator] = "Desativada pela operação",
    };
}

/// <summary>One line of <c>GET /api/stores/registrations</c>: who registered, re-authorised or removed which store
/// (Tray's store id at an API host) and how it ended. <see cref="Action"/> is one of <see cref="StoreRegistrationActions"/>;
/// <see cref="Outcome"/> a stable code (<c>registered</c>, <c>reauthorized</c>, <c>removed</c>, <c>attempted</c> while
/// unanswered, or the refusal's ProblemDetails <c>code</c>); <see cref="Description"/> says it in pt-BR.</summary>
public sealed record StoreRegistrationEntry(DateTimeOffset At, string Action, string StoreId, string ApiHost, string User, string Outcome,
    string Description);

public static class StoreRegistrationActions
{
    public const string Register = "register";
    public const string Reauthorize = "reauthorize";
    public const string Remove = "remove";
}
