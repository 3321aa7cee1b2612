using System.Globalization;

namespace TrayBridge.Invoicing.Features.Danfe;

/// <summary>How the DANFE prints values: pt-BR numbers (1.234,56) from a fixed format rather than the host's ICU data,
/// dates as dd/MM/yyyy in the note's own offset, and the usual masks for documents, CEP, number and key.</summary>
public static class DanfeFormat
{
    private static readonly NumberFormatInfo PtBr = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

    public static string Money(decimal value) => value.ToString("#,##0.00", PtBr);

    public static string Quantity(decimal value) => value.ToString("#,##0.0000", PtBr);

    /// <summary>At least 2 decimals, up to the 10 <c>vUnCom</c> may carry.</summary>
    public static string UnitPrice(decimal value) => value.ToString("#,##0.00########", PtBr);

    public static string Rate(decimal value) => value.ToString("0.00", PtBr);

    public static string Date(DateTimeOffset value) => value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset value) => value.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset value) => $"{Date(value)} {Time(value)}";

    /// <summary>The key in 11 groups of 4, as the DANFE prints it under the barcode.</summary>
    public static string Key(string key) => string.Join(' ', key.Chunk(4).Select(group => new string(group)));

    /// <summary>nNF as 000.000.000.</summary>
    public static string Number(int number) => number.ToString("000,000,000", PtBr);

    public static string Series(int series) => series.ToString("000", CultureInfo.InvariantCulture);

    /// <summary>A CNPJ (14 characters, digits or, from 2026, letters) as 00.000.000/0000-00, a CPF as 000.000.000-00.</summary>
    public static string Document(string? document) => document switch
    {
        { Length: 14 } cnpj => $"{cnpj[..2]}.{cnpj[2..5]}.{cnpj[5..8]}/{cnpj[8..12]}-{cnpj[12..]}",
        { Length: 11 } cpf => $"{cpf[..3]}.{cpf[3..6]}.{cpf[6..9]}-{cpf[9..]}",
        _ => document ?? "",
    };

    public static string Zip(string? zip) => zip is { Length: 8 } ? $"{zip[..5]}-{zip[5..]}" : zip ?? "";
}
