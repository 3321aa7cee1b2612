namespace TrayBridge.Api.Orders;

/// <summary>The <c>code</c> of the Orders API's ProblemDetails (besides <see cref="ApiProblem.Validation"/>).</summary>
public static class OrderProblemCodes
{
    public const string SalesOrderNotFound = "sales_order.not_found";
    /// <summary>A fix names an item line the order does not have.</summary>
    public const string ItemNotFound = "sales_order.item_not_found";
    /// <summary>The city fix on an order without any address.</summary>
    public const string NoInvoiceAddress = "sales_order.no_invoice_address";
    /// <summary>The intermediary fix on an order sold on the store's own channels.</summary>
    public const string NoIntermediary = "sales_order.no_intermediary";
    /// <summary>An invoiced order's data is final.</summary>
    public const string Invoiced = "sales_order.invoiced";
    /// <summary>Another change (a fix, Tray's) was saved meanwhile: read the order again and repeat.</summary>
    public const string Changed = "sales_order.changed";
    public const string CustomerNotFound = "customer.not_found";
    /// <summary>A shipment for an order with no authorized NF-e yet (or cancelled on Tray).</summary>
    public const string NotInvoiced = "sales_order.not_invoiced";
    /// <summary>A shipment for an order cancelled on Tray.</summary>
    public const string CancelledOnTray = "sales_order.cancelled_on_tray";
    /// <summary>Cancelling an order whose NF-e is authorized: the note is cancelled first (Notas fiscais › Cancelar).</summary>
    public const string NfeAuthorized = "sales_order.nfe_authorized";
}

/// <summary>Why a Tray order did not become a sales order (<c>OrderImportFailed.ReasonCode</c>, shown by the import screen).</summary>
public static class ImportReasonCodes
{
    /// <summary>Tray's total differs from items − discount + freight + other charges; the detail shows both.</summary>
    public const string TotalsMismatch = "import.totals_mismatch";
    public const string NoItems = "import.no_items";
    public const string NoCustomer = "import.no_customer";
    public const string InvalidQuantity = "import.invalid_quantity";
    public const string NegativePrice = "import.negative_price";
}
