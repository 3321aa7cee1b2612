using TrayBridge.Api.Invoicing;
using TrayBridge.Invoicing.Domain.Emitters;

namespace TrayBridge.Invoicing.Features.Emitters;

/// <summary>The body of <c>PUT /api/invoicing/emitter</c> (<see cref="EmitterRequest"/>) → the domain's emitter, or
/// Portuguese messages per field as the JSON names them (<c>cnpj</c>, <c>address.cityCode</c>…), so the Emitente form shows
/// each beside its field. SEFAZ addresses are refused outright (<see cref="SefazUrlRefused"/>): they follow from the UF
/// and the ambiente, and a tenant's URL was how TrayBridge could be pointed at an internal host or a fake SEFAZ.</summary>
public static class EmitterRequestReader
{
    public const string SefazUrlRefused = "emitter.sefaz_url_not_accepted";

    /// <returns>The emitter, or the problems and their code (<see cref="SefazUrlRefused"/> or the generic validation one).</returns>
    public static (Emitter? Emitter, Dictionary<string, string[]> Problems, string Code) Read(EmitterRequest input)
    {
        var problems = new Dictionary<string, string[]>();
        foreach (var (field, value) in new[] { ("authorizationUrl", input.AuthorizationUrl), ("receiptUrl", input.ReceiptUrl),
                     ("consultationUrl", input.ConsultationUrl), ("voidingUrl", input.VoidingUrl) })
            if (!string.IsNullOrWhiteSpace(value))
                problems[field] = ["Os endereços da SEFAZ não são mais informados: eles seguem a tabela oficial de web services para a UF e o "
                                   + "ambiente do emitente. Retire este campo e envie de novo."];
        if (problems.Count > 0) return (null, problems, SefazUrlRefused);
        if (input.Address is null) problems["address"] = ["Informe o endereço do emitente."];
        if (input.Crt is not { } crt || !Enum.IsDefined((Crt)crt))
            problems["crt"] = ["Regime tributário (CRT): 1 Simples Nacional, 2 Simples Nacional acima do sublimite, 3 regime normal ou 4 MEI."];
        if (input.Environment is not { } environment || !Enum.IsDefined((NfeEnvironment)environment))
            problems["environment"] = ["Ambiente: 1 (produção) ou 2 (homologação)."];
        var difal = DifalCodes.Parse(input.Difal);
        if (difal is null && !string.IsNullOrWhiteSpace(input.Difal))
            problems["difal"] = ["DIFAL: due (recolher), not_due (não devido) ou not_due_zero_group (não devido, grupo zerado); vazio segue o regime."];
        if (problems.Count > 0) return (null, problems, Api.ApiProblem.Validation);

        var a = input.Address!;
        var address = new NfeAddress(a.Street ?? "", a.Number ?? "", a.Complement, a.District ?? "", a.CityCode ?? "", a.CityName ?? "", a.Uf ?? "",
            a.ZipCode ?? "", a.Phone);
        var emitter = new Emitter(Digits(input.Cnpj), Digits(input.StateRegistration), input.Name?.Trim() ?? "", address, (Crt)input.Crt!.Value,
            input.Series ?? 1, (NfeEnvironment)input.Environment!.Value) { TradeName = string.IsNullOrWhiteSpace(input.TradeName) ? null : input.TradeName.Trim(), Difal = difal };
        foreach (var group in emitter.FieldProblems().GroupBy(p => p.Field)) problems[group.Key] = [.. group.Select(p => p.Message + ".")];
        return problems.Count > 0 ? (null, problems, Api.ApiProblem.Validation) : (emitter, problems, Api.ApiProblem.Validation);
    }

    // Punctuation as people type it ("11.222.333/0001-81") is dropped; letters stay for alphanumeric CNPJs.
    private static string Digits(string? value) => new((value ?? "").Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
}
