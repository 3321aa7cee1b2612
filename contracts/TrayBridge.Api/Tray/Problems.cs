namespace TrayBridge.Api.Tray;

/// <summary>The stable <c>code</c>s of the connector's ProblemDetails (<c>/api/stores</c>, <c>/api/tray/*</c>).</summary>
public static class TrayProblemCodes
{
    public const string StoreNotFound = "store.not_found";
    public const string StoreAlreadyRegistered = "store.already_registered";
    /// <summary>429: this account tried too many registrations (or re-authorisations) this hour; <c>Retry-After</c> says when.</summary>
    public const string RegistrationRateLimited = "store.registration_rate_limited";
    /// <summary>422: Tray refused the code; the detail carries Tray's own cause, <c>trayStatus</c> its HTTP status.</summary>
    public const string TrayRefusedCode = "store.tray_refused_code";
    public const string CodeOfAnotherStore = "store.code_of_another_store";
    /// <summary>422: nothing answered at the API address (DNS, connection, private address, timeout).</summary>
    public const string TrayUnreachable = "store.tray_unreachable";
    /// <summary>422: the address answered, but no Tray API is there (404 on <c>/web_api/auth</c>): the Site (URL) is another site.</summary>
    public const string ApiAddressNotFound = "store.api_address_not_found";
    /// <summary>409: the store is blocked/inactive/cancelled at Tray or needs a new code; the detail says which.</summary>
    public const string StoreUnavailable = "store.unavailable";
    /// <summary>429: the store's Tray request budget is spent for now; <c>retryAt</c> says until when.</summary>
    public const string BudgetExhausted = "tray.budget_exhausted";
    /// <summary>502: Tray refused the call; the detail carries Tray's cause.</summary>
    public const string TrayRefused = "tray.refused";
    /// <summary>503: the store is served by a connector of its own, which did not answer in time (down, or restarting).</summary>
    public const string DedicatedConnectorUnavailable = "store.dedicated_connector_unavailable";
    public const string TrayRecordNotFound = "tray.record_not_found";
    /// <summary>423: the platform's operation disabled the store; nothing is sent to Tray until it is enabled again (the
    /// detail carries the operation's reason). Work already queued waits, it is not lost.</summary>
    public const string StoreDisabled = "store.disabled_by_operator";
    public const string ImportNotFound = "order_import.not_found";
    public const string StatusesChanged = "order_statuses.changed";
    public const string InvoiceDeliveryNotFound = "invoice_delivery.not_found";
    public const string NothingToResend = "invoice_delivery.nothing_to_resend";
    public const string ProductSyncNotFound = "product_sync.not_found";
    public const string ShipmentDeliveryNotFound = "shipment_delivery.not_found";
    public const string ShipmentNothingToResend = "shipment_delivery.nothing_to_resend";
    public const string OrderCancellationNotFound = "order_cancellation.not_found";
    public const string OrderCancellationNothingToResend = "order_cancellation.nothing_to_resend";
}
