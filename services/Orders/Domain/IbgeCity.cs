namespace TrayBridge.Orders.Domain;

/// <summary>A municipality as the NF-e names it: the 7-digit IBGE <see cref="Code"/> (<c>cMun</c>, <c>cMunFG</c>), its
/// UF, and the IANA <see cref="TimeZone"/> the issuer needs to date the note in local time (Acre, Amazonas, Fernando
/// de Noronha… are not on Brasília time).</summary>
public sealed record IbgeCity(string Code, string Uf, string Name, string TimeZone)
{
    /// <summary>The UF's 2-digit IBGE code (NF-e <c>cUF</c>): an IBGE municipality code starts with it.</summary>
    public string StateCode => Code[..2];
}
