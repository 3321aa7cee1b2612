namespace TrayBridge.SefazSimulator.Settings;

/// <summary>
/// How the simulated SEFAZ behaves, from the <c>SefazSimulator</c> configuration section and changeable at run time
/// through <c>PUT /admin/settings</c> (only the members sent). The instance in force is never mutated.
/// </summary>
public sealed record SefazSettings
{
    public const string Section = "SefazSimulator";

    /// <summary>An override: a folder holding one sub-folder per schema package (e.g. a package not yet embedded).
    /// Empty: the official XSDs embedded in the simulator (<c>schemas/nfe/</c> of the repository).</summary>
    public string SchemaFolder { get; init; } = "";

    /// <summary>The package the messages are validated against: <c>PL_009_V4</c> or <c>PL_010_V1.30</c> (nfe.md §5).</summary>
    public string SchemaPackage { get; init; } = "PL_009_V4";

    /// <summary>How long an asynchronous lot stays "em processamento" (105) before its receipt answers 104 (nfe.md §4.3).</summary>
    public TimeSpan ReceiptDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The environment this SEFAZ receives: 2 = homologação (the only one a simulator should be), 1 = produção.</summary>
    public int TpAmb { get; init; } = 2;

    /// <summary>CPFs/CNPJs of recipients in an irregular fiscal situation: a note to one is denied (302) — registered with
    /// a protocol, its number used up — instead of authorized.</summary>
    public IReadOnlyList<string> IrregularRecipients { get; init; } = [];

    /// <summary>Plays an authorizer that still rejects a Simples Nacional emitter's interstate consumer sale without the
    /// <c>ICMSUFDest</c> group (694), though DIFAL is not due from it; off by default, as the MOC's rule exempts CRT 1.</summary>
    public bool SimplesDifalGroupRequired { get; init; }

    /// <summary>How long after its authorization a note may be cancelled (Ato COTEPE 35/2010: 24 h); later, 501.</summary>
    public TimeSpan CancellationDeadline { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Plays a UF that accepts a late cancellation (155, "fora de prazo") instead of refusing it with 501.</summary>
    public bool LateCancellationAccepted { get; init; }

    /// <summary>A lot message above this many bytes is rejected with 214 (portal FAQ: 500 KB).</summary>
    public int MaxLotBytes { get; init; } = 500 * 1024;
}
