using TrayBridge.SefazSimulator.Hosting;
using TrayBridge.SefazSimulator.Ledger;

namespace TrayBridge.SefazSimulator.Processing;

/// <summary>An asynchronous lot: received now, processed once <see cref="ReadyAt"/> has passed.</summary>
public sealed class PendingLot(string receipt, string cUF, DateTimeOffset received, DateTimeOffset readyAt, IReadOnlyList<string> notes)
{
    public string Receipt { get; } = receipt;
    public string CUF { get; } = cUF;
    public DateTimeOffset Received { get; } = received;
    public DateTimeOffset ReadyAt { get; } = readyAt;
    public IReadOnlyList<string> Notes { get; } = notes;
    public IReadOnlyList<NoteRecord>? Results { get; set; }
}

/// <summary>
/// Receipts of asynchronous lots (nfe.md §4.3). A lot is processed lazily, in the order received, by the first call
/// that looks after its delay (a receipt, a key consultation, another lot): no background thread, and a test's fake
/// clock decides when results appear. Until then the receipt answers 105.
/// </summary>
public sealed class LotQueue(NoteProcessor processor, NoteLedger ledger, SimulatorClock clock)
{
    private readonly Lock _sync = new();
    private readonly List<PendingLot> _lots = [];

    public string Enqueue(string cUF, IReadOnlyList<string> notes, DateTimeOffset received, TimeSpan delay)
    {
        var lot = new PendingLot(ledger.NextReceipt(cUF), cUF, received, received + delay, notes);
        lock (_sync) _lots.Add(lot);
        return lot.Receipt;
    }

    public PendingLot? Find(string receipt)
    {
        ProcessDue();
        lock (_sync) return _lots.FirstOrDefault(l => l.Receipt == receipt);
    }

    public void ProcessDue()
    {
        var now = clock.GetUtcNow();
        lock (_sync)
        {
            foreach (var lot in _lots.Where(l => l.Results is null && l.ReadyAt <= now))
                lot.Results = [.. lot.Notes.Select(note => processor.Process(note, lot.Received, lot.Receipt))];
        }
    }

    public IReadOnlyList<PendingLot> All()
    {
        ProcessDue();
        lock (_sync) return [.. _lots];
    }
}
