using TrayBridge.Contracts.Catalog;

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
