using TrayBridge.Invoicing.Domain.Keys;

namespace TrayBridge.Invoicing.Features;

/// <summary>The <c>Invoicing</c> section. <see cref="SchemaFolder"/> holds one folder per schema package (the official
/// XSDs, never copied into the repo); relative paths are taken from the repository root when the host runs from it
/// (<c>../shared/nfe-schemas</c> beside the repo), else from the working directory.</summary>
public sealed class InvoicingSettings
{
    public string SchemaFolder { get; set; } = "../shared/nfe-schemas";
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

    public string ResolvedSchemaFolder()
    {
        if (Path.IsPathRooted(SchemaFolder)) return SchemaFolder;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TrayBridge.slnx"))) return Path.GetFullPath(Path.Combine(dir.FullName, SchemaFolder));
        return Path.GetFullPath(SchemaFolder);
    }
}
