using TrayBridge.SefazSimulator.Faults;
using TrayBridge.SefazSimulator.Hosting;
using TrayBridge.SefazSimulator.Ledger;
using TrayBridge.SefazSimulator.Processing;
using TrayBridge.SefazSimulator.Schemas;
using TrayBridge.SefazSimulator.Settings;
using TrayBridge.SefazSimulator.Soap;

namespace TrayBridge.SefazSimulator.Admin;

/// <summary>What a test (in-process, as C#) or <c>/admin</c> (over HTTP) can see and do.</summary>
public sealed class SimulatorAdmin(NoteLedger ledger, LotQueue lots, FaultState faults, RequestLog requests, SettingsHolder settings,
    SchemaCatalog schemas, SimulatorClock clock)
{
    /// <summary>Every NF-e outcome, authorized and rejected, oldest first (asynchronous lots once processed).</summary>
    public IReadOnlyList<NoteRecord> Notes()
    {
        lots.ProcessDue();
        return ledger.History();
    }

    /// <summary>The nfeProc (NF-e + protNFe) of an authorized key, or null.</summary>
    public string? NfeProc(string key)
    {
        lots.ProcessDue();
        return ledger.ByKey(key) is { } note ? Messages.NfeProc(note, settings.Current.TpAmb) : null;
    }

    public IReadOnlyList<LotSummary> Lots() =>
        [.. lots.All().Select(l => new LotSummary(l.Receipt, l.Received, l.ReadyAt, l.Notes.Count, l.Results is not null))];

    public IReadOnlyList<VoidedRange> Voided() => ledger.Voided();

    /// <summary>Every event outcome (cancellations, cartas de correção), registered and rejected, oldest first.</summary>
    public IReadOnlyList<EventRecord> Events() => ledger.Events();

    /// <summary>The procEventoNFe (evento + retEvento) of a key's registered events, oldest first.</summary>
    public IReadOnlyList<string> ProcEventos(string key) =>
        [.. ledger.EventsOf(key).Select(e => Messages.ProcEvento(e, settings.Current.TpAmb))];

    public IReadOnlyList<LoggedRequest> Requests(int last = 100) => requests.Last(last);

    public Faults.Faults Faults => faults.Faults;

    public void SetFaults(Faults.Faults value) => faults.Set(value);

    public void ClearFaults() => faults.Clear();

    public SefazSettings Settings => settings.Current;

    /// <summary>Changes settings; a schema package whose folder is missing is refused and nothing changes.</summary>
    public SefazSettings UpdateSettings(Func<SefazSettings, SefazSettings> change)
    {
        var candidate = change(settings.Current);
        if (!schemas.HasPackage(candidate))
            throw new ArgumentException($"No schema package '{candidate.SchemaPackage}' in {SchemaFolder.Describe(candidate.SchemaFolder)}.");
        settings.Update(_ => candidate);
        return settings.Current;
    }

    public DateTimeOffset Now => clock.GetUtcNow();

    public void AdvanceClock(TimeSpan by) => clock.Advance(by);
}

public sealed record LotSummary(string Receipt, DateTimeOffset Received, DateTimeOffset ReadyAt, int Notes, bool Processed);
