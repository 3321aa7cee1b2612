using TrayBridge.Api.Invoicing;

namespace TrayBridge.Web.Components.Pages.Settings;

/// <summary>The Emitente form's fields, as typed (text), to and from the API's <see cref="EmitterRequest"/> /
/// <see cref="EmitterResponse"/>. The API checks them; its messages come back per field (<c>cnpj</c>, <c>address.zipCode</c>…).
/// No SEFAZ address is typed: the API takes them from the official table for the UF and the ambiente, and the page shows them.</summary>
public sealed class EmitterForm
{
    public string? Cnpj { get; set; }
    public string? StateRegistration { get; set; }
    public string? Name { get; set; }
    public string? TradeName { get; set; }
    public string? Street { get; set; }
    public string? Number { get; set; }
    public string? Complement { get; set; }
    public string? District { get; set; }
    public string? CityCode { get; set; }
    public string? CityName { get; set; }
    public string? Uf { get; set; }
    public string? ZipCode { get; set; }
    public string? Phone { get; set; }
    public string Crt { get; set; } = "1";
    public string Series { get; set; } = "1";
    public string Environment { get; set; } = "2";
    /// <summary>The DIFAL policy's code (<c>due</c>, <c>not_due</c>, <c>not_due_zero_group</c>); empty: by regime.</summary>
    public string Difal { get; set; } = "";

    public static EmitterForm From(EmitterResponse e) => new()
    {
        Cnpj = e.Cnpj, StateRegistration = e.StateRegistration, Name = e.Name, TradeName = e.TradeName, Street = e.Address.Street,
        Number = e.Address.Number, Complement = e.Address.Complement, District = e.Address.District, CityCode = e.Address.CityCode,
        CityName = e.Address.CityName, Uf = e.Address.Uf, ZipCode = e.Address.ZipCode, Phone = e.Address.Phone, Crt = e.Crt.ToString(),
        Series = e.Series.ToString(), Environment = e.Environment.ToString(), Difal = e.Difal ?? "",
    };

    /// <summary>The request as typed; a série that is not a number goes as null and the API says so beside the field.</summary>
    public EmitterRequest ToRequest() => new(Cnpj, StateRegistration, Name, Blank(TradeName),
        new EmitterAddress(Street ?? "", Number ?? "", Blank(Complement), District ?? "", CityCode ?? "", CityName ?? "", (Uf ?? "").Trim().ToUpperInvariant(),
            ZipCode ?? "", Blank(Phone)),
        int.TryParse(Crt, out var crt) ? crt : null, int.TryParse(Series, out var series) ? series : null,
        int.TryParse(Environment, out var environment) ? environment : null, Difal: Blank(Difal));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
