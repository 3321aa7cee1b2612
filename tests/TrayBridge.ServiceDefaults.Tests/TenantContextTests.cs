using TrayBridge.ServiceDefaults.Tenancy;

namespace TrayBridge.ServiceDefaults.Tests;

public sealed class TenantContextTests
{
    [Fact]
    public void A_context_without_tenant_refuses_tenant_work()
    {
        Assert.Throws<InvalidOperationException>(() => new TenantContext().Require());
    }

    [Fact]
    public void A_tenant_once_set_cannot_be_switched_to_another()
    {
        var context = new TenantContext();
        context.Set("tenant-a");
        context.Set("tenant-a");

        Assert.Throws<InvalidOperationException>(() => context.Set("tenant-b"));
        Assert.Equal("tenant-a", context.Require());
    }
}
