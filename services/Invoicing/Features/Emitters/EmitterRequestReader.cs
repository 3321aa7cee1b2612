using TrayBridge.Api.Invoicing;
using TrayBridge.Invoicing.Domain.Emitters;

namespace TrayBridge.Invoicing.Features.Emitters;

/// <summary>The body of <c>PUT /api/invoicing/emitter</c> (<see cref="EmitterRequest"/>) → the domain's emitter and its
/// SEFAZ endpoints, or Portuguese messages per field as the JSON names them (<c>cnpj</c>, <c>address.cityCode</c>…), so
/// the Emitente form shows each beside its field.</summary>
public static class EmitterRequestReader
{
    public static (Emitter? Emitter, SefazEndpoints? Sefaz, Dictionary<string, string[]> Problems) Read(EmitterRequest input)
    {
        var problems = new Dictionary<string, string[]>();
        if (input.Address is null) problems["address"] = ["Informe o endereço do emitente."];
        if (input.Crt is not { } crt || !Enum.IsDefined((Crt)crt))
            problems["crt"] = ["Regime tributário (CRT): 1 Simples Nacional, 2 Simples Nacional acima do sublimite, 3 regime normal ou 4 MEI."];
        if (input.Environment is not { } environment || !Enum.IsDefined((NfeEnvironment)environment))
            problems["environment"] = ["Ambiente: 1 (produção) ou 2 (homologação)."];
        var urls = new[] { ("authorizationUrl", input.AuthorizationUrl), ("receiptUrl", input.ReceiptUrl), ("consultationUrl", input.ConsultationUrl) }
            .Select(u => (Field: u.Item1, Uri: HttpUrl(u.Item2)))
            .ToList();
        foreach (var (field, _) in urls.Where(u => u.Uri is null)) problems[field] = ["Informe o endereço (http ou https) do serviço da SEFAZ."];
        var voiding = HttpUrl(input.VoidingUrl);
        if (!string.IsNullOrWhiteSpace(input.VoidingUrl) && voiding is null)
            problems["voidingUrl"] = ["Endereço (http ou https) do serviço de inutilização (NFeInutilizacao4), ou deixe em branco."];
        if (problems.Count > 0) return (null, null, problems);

        var a = input.Address!;
        var address = new NfeAddress(a.Street ?? "", a.Number ?? "", a.Complement, a.District ?? "", a.CityCode ?? "", a.CityName ?? "", a.Uf ?? "",
            a.ZipCode ?? "", a.Phone);
        var emitter = new Emitter(Digits(input.Cnpj), Digits(input.StateRegistration), input.Name?.Trim() ?? "", address, (Crt)input.Crt!.Value,
            input.Series ?? 1, (NfeEnvironment)input.Environment!.Value) { TradeName = string.IsNullOrWhiteSpace(input.TradeName) ? null : input.TradeName.Trim() };
        foreach (var group in emitter.FieldProblems().GroupBy(p => p.Field)) problems[group.Key] = [.. group.Select(p => p.Message + ".")];
        if (problems.Count > 0) return (null, null, problems);
        return (emitter, new SefazEndpoints(urls[0].Uri!, urls[1].Uri!, urls[2].Uri!, voiding), problems);
    }

    private static Uri? HttpUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    // Punctuation as people type it ("11.222.333/0001-81") is dropped; letters stay for alphanumeric CNPJs.
    private static string Digits(string? value) => new((value ?? "").Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
}
