using System.Security.Cryptography;
using System.Text;

namespace TrayBridge.Orders.Features.Import;

/// <summary>A sales order's id is derived from (tenant, store, Tray order): however many times and by however many
/// consumers an order is imported, it can only ever be inserted once — the primary key is the guarantee.</summary>
public static class SalesOrderIds
{
    public static Guid For(string tenantId, string storeId, string trayOrderId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"traybridge:sales-order:{tenantId}:{storeId}:{trayOrderId}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8: custom, name-based
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
