using Marten.Schema;
using TrayBridge.TrayConnector.Features.Orders.Polling;

namespace TrayBridge.TrayConnector.Domain;

/// <summary>A store's polling: exactly one due run is current. Starting polling again (re-authorisation, "refresh")
/// replaces <see cref="CurrentRunId"/>, and a superseded run ends without polling, so a store never has two chains.</summary>
[UseOptimisticConcurrency]
public sealed class OrderPollState
{
    public required string Id { get; set; }
    public Guid CurrentRunId { get; set; }
    public bool BackfillDone { get; set; }
    public DateTimeOffset? LastPolledAt { get; set; }
    public int LastOrdersSeen { get; set; }
    public string? LastError { get; set; }
    /// <summary>Tray misread a date range for this store (<see cref="OrderRangeListing"/>): it is asked one day at a time
    /// (<c>modified=aaaa-mm-dd</c>) from then on, since asking a range again would page through every order or miss some.</summary>
    public DateRangeMisreading? DateRangeMisreading { get; set; }
    public DateTimeOffset? OneDayAtATimeSince { get; set; }
}
