namespace TrayBridge.TraySimulator.Settings;

/// <summary>
/// How the simulator behaves, from the <c>TraySimulator</c> configuration section and changeable at run time through
/// <c>PUT /admin/settings</c> (in C#: <c>SimulatorAdmin.UpdateSettings</c>; the instance in force is never mutated). Where tray-api.md marks a point UNCONFIRMED, a setting chooses between the strict reading
/// and the lenient one; the default is what tray-api.md recommends a client to cope with.
/// </summary>
public sealed record SimulatorSettings
{
    public const string Section = "TraySimulator";

    /// <summary>Requests allowed per window (tray-api.md §8.1: 180 per minute).</summary>
    public int PerMinuteLimit { get; set; } = 180;

    /// <summary>Length of the short-term window; shorter in tests (§8.1).</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Whom the short-term budget belongs to: the scope is UNCONFIRMED (§8.1, §13 item 5).</summary>
    public RateLimitScope RateLimitScope { get; set; } = RateLimitScope.PerStore;

    /// <summary>Requests per São Paulo calendar day for an ordinary store (§8.1).</summary>
    public int DailyLimit { get; set; } = 10_000;

    /// <summary>Requests per day for a store created <c>corporate</c> ("loja corporativa", §8.1).</summary>
    public int CorporateDailyLimit { get; set; } = 50_000;

    /// <summary>Access-token lifetime (§2.5: 3 hours).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(3);

    /// <summary>Refresh-token lifetime (§2.5: 30 days).</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Accept a JSON body on <c>POST /auth</c> besides the documented form (§2.3, UNCONFIRMED).</summary>
    public bool AuthAcceptsJson { get; set; } = true;

    /// <summary>A <c>limit</c> above 50 is capped (lenient) or answered 400 (strict) (§1.5, UNCONFIRMED).</summary>
    public bool RejectLimitAboveMax { get; set; }

    /// <summary>Roots are listed with <c>"parent_id": ""</c> (tray-api.md, checked again 2026-12-06); whether the filter
    /// <c>categories?parent_id=0</c> still finds them is undocumented: lenient (false) it does, strict (true) it answers nothing,
    /// as a filter on the value Tray shows would.</summary>
    public bool StrictRootCategoryFilter { get; set; }

    /// <summary>Date filters (<c>modified</c>, <c>date</c>, <c>created</c>) take one São Paulo day <c>aaaa-mm-dd</c>; a range
    /// "[start], [end]" is documented but its wire syntax is UNCONFIRMED (§1.5, §13 item 4): <c>CommaRange</c> also takes
    /// <c>aaaa-mm-dd,aaaa-mm-dd</c> (both days included), <c>SingleDayOnly</c> answers it 400, and the two readings a
    /// client cannot tell from the status alone answer 200: <c>IgnoresRange</c> drops the filter (every order),
    /// <c>FirstDayOnly</c> reads only its first day.</summary>
    public DateRangeSyntax DateRangeFilter { get; set; } = DateRangeSyntax.CommaRange;

    /// <summary><c>progressive_discount</c> and <c>shipping_progressive_discount</c> only in the order list, as DEV21's examples
    /// show them (§4.2; its <c>/orders/{id}</c> and <c>/complete</c> examples lack them). Off: every shape carries them
    /// (tray-api.md §4.4 reads <c>/complete</c> as the list's fields and more).</summary>
    public bool ProgressiveDiscountsOnListOnly { get; set; }

    /// <summary>Which invoice bodies <c>POST/PUT /orders/{id}/invoices</c> takes (§5.4, UNCONFIRMED).</summary>
    public InvoiceBodyForm InvoiceBody { get; set; } = InvoiceBodyForm.FlatOrWrapped;

    /// <summary>Where <c>GET /orders/{id}/invoices</c> puts <c>ProductCfop</c>: beside <c>OrderInvoice</c>, as DEV21's
    /// per-order example shows, or inside it, as the store-wide list does (§5.3).</summary>
    public ProductCfopPlacement OrderInvoicesProductCfop { get; set; } = ProductCfopPlacement.Sibling;

    /// <summary><c>xml_danfe</c> is the NF-e XML itself (§5.2): on, an invoice whose <c>xml_danfe</c> is not an <c>nfeProc</c>
    /// of the invoice's <c>key</c> (a URL, say) is answered 400, as the field's documented meaning requires; off, any text is kept.</summary>
    public bool RequireNfeProcXml { get; set; } = true;

    /// <summary>Each refresh issues a new refresh token (and the old one stops working) (§2.4, UNCONFIRMED).</summary>
    public bool RotateRefreshToken { get; set; } = true;

    /// <summary>An authorization code already exchanged can be exchanged again, as TCLIB relies on (§2.5, UNCONFIRMED).</summary>
    public bool AllowCodeReuse { get; set; } = true;

    /// <summary>When an order counts against stock (§4, architecture "no overselling"); a cancellation restores it.</summary>
    public StockMoment StockDecrement { get; set; } = StockMoment.OnOrderCreated;

    /// <summary>First webhook retry delay, doubled on each further attempt (Tray waits ~30 min; compressed here, §7).</summary>
    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Delivery attempts per notification before it is given up (Tray's count is not disclosed, §7).</summary>
    public int WebhookMaxAttempts { get; set; } = 6;

    /// <summary><c>POST/PUT /products</c> also refuse what Tray likely refuses but no source confirms (§13 items 6 and 10): money
    /// with more than 2 decimals, an EAN without a valid check digit, an NCM that is not 8 digits, negative weight, dimensions
    /// or stock. Off: only the documented rules of §3.4 (see <c>Catalog/ProductRules</c>).</summary>
    public bool StrictProductValidation { get; set; }

    /// <summary>Identifiers answered as JSON numbers instead of strings: <c>store_id</c> of <c>/auth</c> (documented as Number,
    /// shown as a string in the samples, §2.3) and every <c>id</c>/<c>…_id</c> made of digits in the API's answers. Off: strings,
    /// as the samples show.</summary>
    public bool IdsAsNumbers { get; set; }
}

public enum RateLimitScope { PerStore, PerApp }

public enum DateRangeSyntax { CommaRange, SingleDayOnly, IgnoresRange, FirstDayOnly }

public enum InvoiceBodyForm { FlatOrWrapped, FlatOnly, WrappedOnly }

public enum ProductCfopPlacement { Sibling, Nested }

public enum StockMoment { OnOrderCreated, OnPayment }
