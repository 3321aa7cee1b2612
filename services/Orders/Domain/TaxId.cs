using System.Text.Json.Serialization;
using TrayBridge.ServiceDefaults.Brazil;

namespace TrayBridge.Orders.Domain;

/// <summary>Which document a <see cref="TaxId"/> is: CPF for a pessoa física (PF), CNPJ for a pessoa jurídica (PJ).</summary>
public enum TaxIdKind { Cpf, Cnpj }

/// <summary>A checked CPF or CNPJ, stored bare (digits, or digits and upper-case letters for an alphanumeric CNPJ).
/// Only <see cref="Parse"/> makes one, so holding a <see cref="TaxId"/> means its check digits are right.</summary>
public readonly record struct TaxId
{
    [JsonConstructor]
    private TaxId(string value, TaxIdKind kind) => (Value, Kind) = (value, kind);

    public string Value { get; }
    public TaxIdKind Kind { get; }

    /// <summary>Pessoa jurídica: the NF-e recipient goes in <c>CNPJ</c>, a person's in <c>CPF</c>.</summary>
    [JsonIgnore] public bool IsCompany => Kind == TaxIdKind.Cnpj;

    /// <summary>A valid CPF (11 characters) or CNPJ (14), formatted or bare; null for anything else.</summary>
    public static TaxId? Parse(string? raw)
    {
        // The length of the letters and digits decides, so an alphanumeric CNPJ never passes as a CPF of its digits.
        var text = Cnpj.Normalize(raw);
        return text?.Length switch
        {
            Cpf.Length when Cpf.IsValid(text) => new TaxId(text, TaxIdKind.Cpf),
            Cnpj.Length when Cnpj.IsValid(text) => new TaxId(text, TaxIdKind.Cnpj),
            _ => null,
        };
    }

    /// <summary>Formatted as people write it: <c>000.000.000-00</c> or <c>00.000.000/0000-00</c>.</summary>
    public override string ToString() => Kind == TaxIdKind.Cpf ? Cpf.Format(Value) : Cnpj.Format(Value);
}
