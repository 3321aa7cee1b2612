using TrayBridge.ServiceDefaults.Brazil;

namespace TrayBridge.Invoicing.Domain.Emitters;

/// <summary>A Brazilian address as <c>enderEmit</c>/<c>enderDest</c> carry it: <see cref="CityCode"/> is the 7-digit
/// IBGE <c>cMun</c>, whose first two digits are the UF's code; the country is always Brasil (1058).</summary>
public sealed record NfeAddress(
    string Street, string Number, string? Complement, string District, string CityCode, string CityName, string Uf,
    string ZipCode, string? Phone = null)
{
    /// <summary>What is wrong with the address for an NF-e, naming whose address it is ("do emitente").</summary>
    public IEnumerable<string> Problems(string whose) => FieldProblems(whose).Select(p => p.Message);

    /// <summary>The same, each with its field as the JSON names it (<c>street</c>, <c>cityCode</c>…).</summary>
    public IEnumerable<(string Field, string Message)> FieldProblems(string whose)
    {
        // xLgr, xBairro and xMun need at least 2 printable characters.
        if (Fiscal.NfeText.Clean(Street, 60).Length < 2) yield return ("street", $"O endereço {whose} não tem logradouro");
        if (Fiscal.NfeText.Clean(District, 60).Length < 2) yield return ("district", $"O endereço {whose} não tem bairro");
        if (Fiscal.NfeText.Clean(CityName, 60).Length < 2) yield return ("cityName", $"O endereço {whose} não tem município");
        if (!Fiscal.Uf.IsValid(Uf)) yield return ("uf", $"O endereço {whose} não tem UF válida ('{Uf}')");
        if (CityCode is not { Length: 7 } || !CityCode.All(char.IsAsciiDigit))
            yield return ("cityCode", $"O endereço {whose} não tem o código IBGE do município (cMun) de '{CityName}'");
        else if (Fiscal.Uf.IsValid(Uf) && !CityCode.StartsWith(Fiscal.Uf.IbgeCode(Uf), StringComparison.Ordinal))
            yield return ("cityCode", $"O código de município {CityCode} {whose} não é de {Uf}");
        if (Digits.Only(ZipCode).Length != 8) yield return ("zipCode", $"O endereço {whose} não tem CEP de 8 dígitos ('{ZipCode}')");
    }
}
