namespace TrayBridge.Api.Operations;

/// <summary><c>GET /api/tray/operator/stores?failing=&amp;page=&amp;pageSize=</c>: every tenant's Tray stores (for users
/// with the <c>platform</c> role only), a page of stores ordered by tenant and store, grouped by tenant. <see cref="Failing"/>
/// and <see cref="Disabled"/> count the whole installation, whatever the page or filter.</summary>
public sealed record OperatorStorePage(int Total, int Page, int PageSize, int Failing, int Disabled, IReadOnlyList<OperatorTenant> Tenants);

public sealed record OperatorTenant(string TenantId, IReadOnlyList<OperatorStore> Stores);

/// <summary>One registration, (API host, Tray store id), as the platform's operation sees it. <see cref="Status"/> is one of
/// <see cref="OperatorStoreStatuses"/> (the most urgent wins: disabled, then Tray's own status, then failing), with its
/// pt-BR <see cref="StatusLabel"/> and <see cref="StatusDetail"/> (the reason, Tray's words or the last error).
/// <see cref="FailingSince"/>/<see cref="LastError"/>/<see cref="RetryAt"/> are set while the store's Tray fails.
/// The budget is today's (São Paulo day): <see cref="CallsUsedToday"/> of <see cref="DailyCalls"/> (the store's plan,
/// <see cref="Plan"/> one of <see cref="TrayDailyPlans"/> names). Due work: <see cref="DueBacklog"/> items due now (the
/// oldest due since <see cref="OldestDueSince"/>), <see cref="WaitingWork"/> pending in all (parked or scheduled ones too).</summary>
public sealed record OperatorStore(string TenantId, string StoreId, string ApiHost, string? ApiAddress, DateTimeOffset RegisteredAt,
    string Status, string StatusLabel, string? StatusDetail, DateTimeOffset? StatusSince,
    DateTimeOffset? FailingSince, string? LastError, DateTimeOffset? RetryAt, OperatorDisablement? Disabled,
    int DailyCalls, string Plan, int CallsUsedToday, int CallsRemainingToday,
    int DueBacklog, DateTimeOffset? OldestDueSince, int WaitingWork, string? DedicatedConnector, OperatorActionEntry? LastAction);

/// <summary>Who disabled the store, when, and why.</summary>
public sealed record OperatorDisablement(DateTimeOffset At, string By, string Reason);

/// <summary><c>POST /api/tray/operator/stores/{apiHost}/{storeId}/disable</c>: the reason is required (3–300 characters),
/// shown to the tenant as "Desativada pela operação: &lt;motivo&gt;".</summary>
public sealed record DisableStoreRequest(string? Reason);

/// <summary><c>PUT /api/tray/operator/stores/{apiHost}/{storeId}/plan</c>: the store's daily Tray budget, from
/// <see cref="TrayDailyPlans.Min"/> to <see cref="TrayDailyPlans.Max"/> (Tray's plans: 10,000 a day, 50,000 for a
/// corporate store).</summary>
public sealed record StorePlanRequest(int? DailyCalls);

/// <summary>One line of the operation's audit (<c>GET /api/tray/operator/actions</c>, newest first): who (<c>sub</c>) did
/// what (<see cref="OperatorActions"/>) to which store, when, and <see cref="Description"/> in pt-BR (the reason, the plan).</summary>
public sealed record OperatorActionEntry(DateTimeOffset At, string TenantId, string StoreId, string ApiHost, string Action, string By, string Description);

public static class OperatorActions
{
    public const string Disable = "disable";
    public const string Enable = "enable";
    public const string Plan = "plan";
}

/// <summary>A store's status for the operation, and its pt-BR labels.</summary>
public static class OperatorStoreStatuses
{
    public const string Connected = "connected";
    public const string ReauthorizationNeeded = "reauthorization_needed";
    /// <summary>Blocked, inactive or cancelled at Tray (the detail says which).</summary>
    public const string UnavailableOnTray = "unavailable_on_tray";
    /// <summary>Its Tray fails (connection refused, timeouts, 5xx): since when, and the last error.</summary>
    public const string Failing = "failing";
    public const string Disabled = "disabled";
    /// <summary>The registration is in the registry but its store document is gone (being removed).</summary>
    public const string Unknown = "unknown";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [Connected] = "Conectada", [ReauthorizationNeeded] = "Reautorização necessária", [UnavailableOnTray] = "Indisponível na Tray",
        [Failing] = "Falhando", [Disabled] = "Desativada pela operação", [Unknown] = "Desconhecida",
    };
}

/// <summary>Tray's daily request plans (Tray's docs, "Quantidade de Requisições": 10,000 a day per store, 50,000 for a
/// "loja corporativa") and the bounds of what the operation may set.</summary>
public static class TrayDailyPlans
{
    public const int Standard = 10_000;
    public const int Corporate = 50_000;
    public const int Min = 1_000;
    public const int Max = Corporate;

    public const string StandardName = "padrao", CorporateName = "corporativa", CustomName = "personalizado";

    public static string NameOf(int dailyCalls) => dailyCalls switch
    {
        Standard => StandardName,
        Corporate => CorporateName,
        _ => CustomName,
    };
}

/// <summary>The stable <c>code</c>s of the operator API's ProblemDetails.</summary>
public static class OperatorProblemCodes
{
    public const string StoreNotFound = "operator.store_not_found";
    public const string AlreadyDisabled = "operator.store_already_disabled";
    public const string NotDisabled = "operator.store_not_disabled";
}
