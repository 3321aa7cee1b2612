using System.Collections.Concurrent;

namespace TrayBridge.TraySimulator.Admin;

/// <summary>What the next invoice POST of a store meets: a 500 before anything is stored, or a 500 after the invoice is
/// stored (the answer is lost, a blind retry would duplicate it).</summary>
public enum InvoicePostFault { Error500, FailAfterCommit }

/// <summary>A deterministic script of faults for <c>POST /orders/{id}/invoices</c>, one entry used per POST, per store:
/// "fail the next three, once after committing" is a test's exact scenario, where fault shares are only probabilities.</summary>
public sealed class InvoiceFaults
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<InvoicePostFault>> _scripts = new();

    public void Script(string storeId, IEnumerable<InvoicePostFault> faults) => _scripts[storeId] = new(faults);

    public InvoicePostFault? Next(string storeId) =>
        _scripts.TryGetValue(storeId, out var script) && script.TryDequeue(out var fault) ? fault : null;

    public int Remaining(string storeId) => _scripts.TryGetValue(storeId, out var script) ? script.Count : 0;
}

public sealed record InvoiceFaultsRequest(List<InvoicePostFault> Script);
