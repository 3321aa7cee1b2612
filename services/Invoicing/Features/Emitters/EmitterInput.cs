using TrayBridge.Invoicing.Domain.Emitters;

namespace TrayBridge.Invoicing.Features.Emitters;

/// <summary>The body of <c>PUT /api/invoicing/emitter</c>. The address's <c>CityCode</c> is the IBGE cMun.</summary>
public sealed record EmitterInput(
    string? Cnpj, string? StateRegistration, string? Name, string? TradeName, NfeAddress? Address, Crt? Crt, int? Series,
    NfeEnvironment? Environment, string? AuthorizationUrl, string? ReceiptUrl, string? ConsultationUrl, string? VoidingUrl = null)
{
    /// <summary>The emitter and its endpoints, or the problems by field (as a ValidationProblem reports them).</summary>
    public (Emitter? Emitter, SefazEndpoints? Sefaz, Dictionary<string, string[]> Problems) Read()
    {
        var problems = new Dictionary<string, string[]>();
        if (Address is null) problems["address"] = ["The emitter's address is required."];
        if (Crt is null || !Enum.IsDefined(Crt.Value)) problems["crt"] = ["CRT is 1 (Simples Nacional), 2, 3 (regime normal) or 4 (MEI)."];
        if (Environment is null || !Enum.IsDefined(Environment.Value)) problems["environment"] = ["Environment is 1 (produção) or 2 (homologação)."];
        var urls = new[] { ("authorizationUrl", AuthorizationUrl), ("receiptUrl", ReceiptUrl), ("consultationUrl", ConsultationUrl) }
            .Select(u => (u.Item1, Uri: Uri.TryCreate(u.Item2, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null))
            .ToList();
        foreach (var (field, uri) in urls.Where(u => u.Uri is null)) problems[field] = ["An absolute http(s) URL of the SEFAZ web service is required."];
        var voiding = Uri.TryCreate(VoidingUrl, UriKind.Absolute, out var v) && v.Scheme is "http" or "https" ? v : null;
        if (!string.IsNullOrWhiteSpace(VoidingUrl) && voiding is null) problems["voidingUrl"] = ["An absolute http(s) URL of NFeInutilizacao4, or none."];
        if (problems.Count > 0) return (null, null, problems);

        var emitter = new Emitter(Digits(Cnpj), Digits(StateRegistration), Name?.Trim() ?? "", Address!, Crt!.Value, Series ?? 1, Environment!.Value)
            { TradeName = string.IsNullOrWhiteSpace(TradeName) ? null : TradeName.Trim() };
        if (emitter.Problems() is { Count: > 0 } domain) return (null, null, new() { ["emitter"] = [.. domain] });
        return (emitter, new SefazEndpoints(urls[0].Uri!, urls[1].Uri!, urls[2].Uri!, voiding), problems);
    }

    // Punctuation as people type it ("11.222.333/0001-81") is dropped; letters stay for alphanumeric CNPJs.
    private static string Digits(string? value) => new((value ?? "").Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
}
