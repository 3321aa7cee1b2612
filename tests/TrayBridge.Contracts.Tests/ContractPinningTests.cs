using TrayBridge.Contracts.Catalog;
using TrayBridge.Contracts.Orders;

namespace TrayBridge.Contracts.Tests;

/// <summary>The contracts are a public API: other systems deserialize them by these names.</summary>
public sealed class ContractPinningTests
{
    private static readonly string ApprovedPath = Path.Combine(AppContext.BaseDirectory, "contracts.approved.txt");

    [Fact]
    public void Published_contracts_match_the_approved_shape()
    {
        var current = ContractShape.Describe(typeof(ITenantMessage).Assembly);
        var (removed, added) = ContractShape.Compare(File.ReadAllLines(ApprovedPath), current);
        Assert.True(removed.Count == 0,
            "Breaking change to a public contract (publish a new …V2 type instead):\n" + string.Join('\n', removed)
            + (added.Count > 0 ? "\nnow reads:\n" + string.Join('\n', added) : ""));
        Assert.True(added.Count == 0,
            "New contract members: append them to tests/TrayBridge.Contracts.Tests/contracts.approved.txt:\n" + string.Join('\n', added));
    }

    /// <summary>Requests between two services left the public package (subscribers see only events), but running services
    /// still talk to each other by these URNs and exchanges during a rolling upgrade: they are pinned just the same.</summary>
    [Fact]
    public void Requests_between_services_live_outside_the_public_package_under_the_same_names()
    {
        var internalAssembly = typeof(SalesOrderForInvoiceRequested).Assembly;
        Assert.NotEqual(typeof(ITenantMessage).Assembly, internalAssembly);
        var approved = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "internal-contracts.approved.txt"));
        var (removed, added) = ContractShape.Compare(approved, ContractShape.Describe(internalAssembly));
        Assert.True(removed.Count == 0, "Breaking change to a request between services:\n" + string.Join('\n', removed));
        Assert.True(added.Count == 0,
            "New members: append them to tests/TrayBridge.Contracts.Tests/internal-contracts.approved.txt:\n" + string.Join('\n', added));
        Assert.Contains(approved, l => l.StartsWith("TrayBridge.Contracts.TrayConnector.StoreConnectionRequested urn=traybridge:tray:store-connection-requested:v1 ", StringComparison.Ordinal));
    }

    [Fact]
    public void Renaming_a_property_is_reported_as_breaking()
    {
        var approved = ContractShape.Describe(typeof(ITenantMessage).Assembly);
        var renamed = approved.Select(l => l.Replace($"{typeof(ProductChanged).FullName}.Sku:", $"{typeof(ProductChanged).FullName}.Reference:")).ToList();

        var (removed, added) = ContractShape.Compare(approved, renamed);

        Assert.Equal([$"{typeof(ProductChanged).FullName}.Sku: String"], removed);
        Assert.Equal([$"{typeof(ProductChanged).FullName}.Reference: String"], added);
    }

    [Fact]
    public void Every_message_has_fixed_names_a_tenant_and_a_time()
    {
        var messages = typeof(ITenantMessage).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && typeof(ITenantMessage).IsAssignableFrom(t)).ToList();
        string[] required = ["StoreConnected", "ProductExportRequested", "ProductExported", "ProductExportFailed", "ProductChanged",
            "EnsureProducts", "ProductsEnsured", "TrayOrderFetched", "TrayOrderChanged", "OrderImported", "OrderImportFailed",
            "SalesOrderCancelled", "SalesOrderShipped", "NfeIssued", "NfeRejected", "NfeCancelled", "TrayInvoiceSent", "TraySyncFailed"];
        Assert.Empty(required.Except(messages.Select(m => m.Name)));
        var lines = ContractShape.Describe(typeof(ITenantMessage).Assembly);
        Assert.All(messages, m => Assert.Contains(lines, l => l.StartsWith(m.FullName + " urn=traybridge:") && !l.EndsWith("entity=-")));
    }
}
