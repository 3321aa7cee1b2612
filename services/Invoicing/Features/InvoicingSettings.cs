using TrayBridge.Invoicing.Domain.Keys;

namespace TrayBridge.Invoicing.Features;

/// <summary>The <c>Invoicing</c> section. The official XSDs of <see cref="SchemaPackage"/> are embedded in the service
/// (<c>schemas/nfe/</c> of the repository); <see cref="SchemaFolder"/>, empty by default, only overrides them with a
/// folder holding one sub-folder per package (e.g. a package not yet embedded). A relative folder is taken from the
/// repository root when the host runs from it, else from the working directory.</summary>
public sealed class InvoicingSettings
{
    public string SchemaFolder { get; set; } = "";
    public NfeSchemaPackage SchemaPackage { get; set; } = NfeSchemaPackage.Pl009V4;
    /// <summary>The gateway's public address: the signed XML links sent to Tray start with it.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080/";
    /// <summary>Receipt polling: at least this long after a lot is received (SEFAZ's tMed may ask for longer).</summary>
    public TimeSpan ReceiptPollInterval { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>How long a SEFAZ call may take before the send counts as unanswered (then retried: same XML, same key).</summary>
    public TimeSpan SefazTimeout { get; set; } = TimeSpan.FromSeconds(60);
    /// <summary>How long a batch waits for the Orders service to answer for one chunk of sales orders (or a resend for one).</summary>
    public TimeSpan OrdersTimeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>How many of a batch's sales orders are read from Orders in one request and issued by one piece of due work.</summary>
    public int OrdersChunkSize { get; set; } = 50;
    /// <summary>Certificate files (PEM or DER) of the roots SEFAZ's TLS servers chain to, e.g. ICP-Brasil's.</summary>
    public List<string> SefazTrustAnchors { get; set; } = [];
    /// <summary><c>Invoicing:Sefaz</c>: the operator's say over where notes go (tenants choose only UF and ambiente).</summary>
    public SefazEndpointSettings Sefaz { get; set; } = new();
    /// <summary><c>Invoicing:Cancellation</c>: how long after authorization a note may be cancelled.</summary>
    public CancellationSettings Cancellation { get; set; } = new();

    /// <summary>The override folder as a full path; null when the embedded schemas are used.</summary>
    public string? ResolvedSchemaFolder()
    {
        if (string.IsNullOrWhiteSpace(SchemaFolder)) return null;
        if (Path.IsPathRooted(SchemaFolder)) return SchemaFolder;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TrayBridge.slnx"))) return Path.GetFullPath(Path.Combine(dir.FullName, SchemaFolder));
        return Path.GetFullPath(SchemaFolder);
    }
}

/// <summary><c>Invoicing:Sefaz</c>.</summary>
public sealed class SefazEndpointSettings
{
    /// <summary>Empty in production: the official table decides. A base URL (the SEFAZ simulator's, e.g.
    /// <c>http://127.0.0.1:5202/</c>) sends every tenant's notes to <c>{base}ws/{Service}/{Service}.asmx</c> instead, and is
    /// the only place plain http is accepted. Demos and tests only: it is an operator's setting, never a tenant's.</summary>
    public string EndpointOverride { get; set; } = "";
    /// <summary>A SEFAZ answer above this many bytes is refused unread (a real one is a few KB; a lot of 50 protocols ~30 KB).</summary>
    public int MaxResponseBytes { get; set; } = 1024 * 1024;
}

/// <summary><c>Invoicing:Cancellation</c>. SEFAZ's deadline (Ato COTEPE/ICMS 35/2010: 24 h after authorization) is
/// national, but UFs have ruled otherwise (longer, or a late cancellation with a penalty): <see cref="DeadlineByUf"/>
/// sets a UF's own (the emitter's UF, e.g. <c>Invoicing__Cancellation__DeadlineByUf__PR=7.00:00:00</c>).</summary>
public sealed class CancellationSettings
{
    public TimeSpan Deadline { get; set; } = TimeSpan.FromHours(24);
    public Dictionary<string, TimeSpan> DeadlineByUf { get; set; } = [];

    public TimeSpan For(string uf) => DeadlineByUf.TryGetValue(uf.ToUpperInvariant(), out var own) ? own : Deadline;
}
