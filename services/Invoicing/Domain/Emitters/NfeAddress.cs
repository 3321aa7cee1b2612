namespace TrayBridge.Invoicing.Domain.Emitters;

/// <summary>A Brazilian address as <c>enderEmit</c>/<c>enderDest</c> carry it: <see cref="CityCode"/> is the 7-digit
/// IBGE <c>cMun</c>, whose first two digits are the UF's code; the country is always Brasil (1058).</summary>
public sealed record NfeAddress(
    string Street, string Number, string? Complement, string District, string CityCode, string CityName, string Uf,
    string ZipCode, string? Phone = null)
{
    /// <summary>What is wrong with the address for an NF-e, prefixed with whose address it is.</summary>
    public IEnumerable<string> Problems(string whose)
    {
        // xLgr, xBairro and xMun need at least 2 printable characters.
        if (Fiscal.NfeText.Clean(Street, 60).Length < 2) yield return $"{whose} address has no street";
        if (Fiscal.NfeText.Clean(District, 60).Length < 2) yield return $"{whose} address has no district (bairro)";
        if (Fiscal.NfeText.Clean(CityName, 60).Length < 2) yield return $"{whose} address has no city name";
        if (!Fiscal.Uf.IsValid(Uf)) yield return $"{whose} address has no valid UF ('{Uf}')";
        if (CityCode is not { Length: 7 } || !CityCode.All(char.IsAsciiDigit))
            yield return $"{whose} address has no IBGE city code (cMun) for '{CityName}'";
        else if (Fiscal.Uf.IsValid(Uf) && !CityCode.StartsWith(Fiscal.Uf.IbgeCode(Uf), StringComparison.Ordinal))
            yield return $"{whose} city code {CityCode} is not in {Uf}";
        if (Fiscal.NfeText.Digits(ZipCode).Length != 8) yield return $"{whose} address has no 8-digit CEP ('{ZipCode}')";
    }
}
