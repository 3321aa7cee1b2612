namespace TrayBridge.SefazSimulator.Ledger;

/// <summary>
/// The simulated SEFAZ database: authorized and denied notes by key and by number (a rejected note is not registered, so
/// its number can be used again), voided ranges, every outcome for <c>/admin/notes</c>, and the protocol and receipt counters.
/// Duplicity is decided and recorded under one lock, so two sends of the same number cannot both be authorized.
/// </summary>
public sealed class NoteLedger
{
    private readonly Dictionary<string, NoteRecord> _byKey = [];
    private readonly Dictionary<NumberSlot, NoteRecord> _byNumber = [];
    private readonly List<VoidedRange> _voided = [];
    private readonly List<NoteRecord> _history = [];
    private readonly List<EventRecord> _events = [];
    private long _protocols, _receipts;

    public Lock Sync { get; } = new();

    public NoteRecord? ByKey(string key)
    {
        lock (Sync) return _byKey.GetValueOrDefault(key);
    }

    public NoteRecord? ByNumber(NumberSlot slot)
    {
        lock (Sync) return _byNumber.GetValueOrDefault(slot);
    }

    public VoidedRange? VoidedFor(NumberSlot slot)
    {
        lock (Sync) return _voided.FirstOrDefault(v => v.Covers(slot));
    }

    public void Record(NoteRecord outcome)
    {
        lock (Sync)
        {
            _history.Add(outcome);
            if (!outcome.Authorized && !outcome.Denied) return;
            _byKey[outcome.Key] = outcome;
            _byNumber[outcome.Slot] = outcome;
        }
    }

    public void Void(VoidedRange range)
    {
        lock (Sync) _voided.Add(range);
    }

    /// <summary>Every event outcome, registered and rejected, oldest first.</summary>
    public void RecordEvent(EventRecord outcome)
    {
        lock (Sync) _events.Add(outcome);
    }

    public IReadOnlyList<EventRecord> Events()
    {
        lock (Sync) return [.. _events];
    }

    /// <summary>The registered events of a key, in the order they were registered.</summary>
    public IReadOnlyList<EventRecord> EventsOf(string key)
    {
        lock (Sync) return [.. _events.Where(e => e.Key == key && e.Registered)];
    }

    public IReadOnlyList<NoteRecord> History()
    {
        lock (Sync) return [.. _history];
    }

    public IReadOnlyList<VoidedRange> Voided()
    {
        lock (Sync) return [.. _voided];
    }

    /// <summary>nProt (nfe.md §4.4): 1 (state SEFAZ), cUF, 2-digit year, 10-digit sequence.</summary>
    public string NextProtocol(string cUF, DateTimeOffset at) =>
        $"1{cUF}{at:yy}{Interlocked.Increment(ref _protocols):D10}";

    /// <summary>nRec: cUF, then a 13-digit sequence (15 digits, TRec).</summary>
    public string NextReceipt(string cUF) => $"{cUF}{Interlocked.Increment(ref _receipts):D13}";
}
