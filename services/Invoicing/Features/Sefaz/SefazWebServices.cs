using System.Text.Json;
using Microsoft.Extensions.Options;
using TrayBridge.Invoicing.Domain.Emitters;

namespace TrayBridge.Invoicing.Features.Sefaz;

/// <summary>Where an emitter's notes go: the official web-service table (<c>sefaz-webservices.json</c>, embedded: which
/// authorizer serves each UF — its own SEFAZ, SVRS or SVAN — and its URLs per ambiente), never an address a tenant typed,
/// so nobody can point TrayBridge at an internal host or at a stub that answers "100 Autorizado". Only the operator's
/// <c>Invoicing:Sefaz:EndpointOverride</c> (the simulator, in demos and tests) replaces it, for every tenant.</summary>
public sealed class SefazWebServices(IOptions<InvoicingSettings> settings)
{
    public const string Authorization = "NFeAutorizacao4";
    public const string Receipt = "NFeRetAutorizacao4";
    public const string Consultation = "NFeConsultaProtocolo4";
    public const string Voiding = "NFeInutilizacao4";
    public const string Events = "NFeRecepcaoEvento4";

    private static readonly Lazy<Table> Official = new(Load);

    /// <summary>The endpoints of the emitter's UF and ambiente; null for a UF the table does not know (the emitter's
    /// validation refuses those first).</summary>
    public SefazEndpoints? For(string uf, NfeEnvironment environment)
    {
        if (Override() is { } root)
            return new SefazEndpoints("Simulador (definido pelo operador)", Uri(root, Authorization), Uri(root, Receipt), Uri(root, Consultation),
                Uri(root, Voiding), Uri(root, Events), Overridden: true);
        return OfficialFor(uf, environment);
    }

    /// <summary>The table alone, whatever the override says.</summary>
    public static SefazEndpoints? OfficialFor(string uf, NfeEnvironment environment, bool contingency = false)
    {
        var table = Official.Value;
        if (!table.Ufs.TryGetValue(uf.ToUpperInvariant(), out var entry)) return null;
        var authorizer = contingency ? entry.Contingency : entry.Authorizer;
        var urls = table.Authorizers[authorizer][((int)environment).ToString(System.Globalization.CultureInfo.InvariantCulture)];
        return new SefazEndpoints(authorizer, new(urls[Authorization]), new(urls[Receipt]), new(urls[Consultation]), new(urls[Voiding]),
            new(urls[Events]));
    }

    /// <summary>Whether <paramref name="url"/> is one the operator's override names, the only place plain http is allowed.</summary>
    public bool IsOverride(Uri url) => Override() is { } root && root.IsBaseOf(url);

    private Uri? Override() =>
        System.Uri.TryCreate(settings.Value.Sefaz.EndpointOverride, UriKind.Absolute, out var root) && root.Scheme is "http" or "https"
            ? new Uri(root.ToString().TrimEnd('/') + "/")
            : null;

    // The simulator's layout (simulators/Sefaz): /ws/{Service}/{Service}.asmx.
    private static Uri Uri(Uri root, string service) => new(root, $"ws/{service}/{service}.asmx");

    private static Table Load()
    {
        using var stream = typeof(SefazWebServices).Assembly.GetManifestResourceStream("TrayBridge.Invoicing.SefazWebServices.json")
            ?? throw new InvalidOperationException("The SEFAZ web-service table is not embedded.");
        return JsonSerializer.Deserialize<Table>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("The SEFAZ web-service table is empty.");
    }

    private sealed record Table(Dictionary<string, UfEntry> Ufs, Dictionary<string, Dictionary<string, Dictionary<string, string>>> Authorizers);

    private sealed record UfEntry(string Authorizer, string Contingency);
}

/// <summary>An authorizer's web services (its name as the portal's table gives it: SP, SVRS, SVAN, SVC-AN…).</summary>
public sealed record SefazEndpoints(string Authorizer, Uri Authorization, Uri Receipt, Uri Consultation, Uri Voiding, Uri Events,
    bool Overridden = false)
{
    public Uri Of(string service) => service switch
    {
        SefazWebServices.Authorization => Authorization,
        SefazWebServices.Receipt => Receipt,
        SefazWebServices.Consultation => Consultation,
        SefazWebServices.Voiding => Voiding,
        SefazWebServices.Events => Events,
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "Not a web service of the table."),
    };
}
