namespace TrayBridge.Invoicing.Domain.Taxes;

/// <summary>The PIS/COFINS CST and rates (percent) an emitter applies to its sales. CST 01 and 02 are taxed on the
/// item's value (<c>PISAliq</c>); 04–09 carry no values (<c>PISNT</c>); anything else goes as <c>PISOutr</c>.</summary>
public sealed record PisCofinsRule(string Cst, decimal PisRate, decimal CofinsRate)
{
    /// <summary>Simples Nacional pays PIS/COFINS inside the DAS: CST 99 with zero values, as most SN issuers send.</summary>
    public static readonly PisCofinsRule SimplesNacional = new("99", 0m, 0m);
    /// <summary>Lucro real (não cumulativo): 1.65% and 7.60%.</summary>
    public static readonly PisCofinsRule NaoCumulativo = new("01", 1.65m, 7.60m);
    /// <summary>Lucro presumido (cumulativo): 0.65% and 3.00%.</summary>
    public static readonly PisCofinsRule Cumulativo = new("01", 0.65m, 3.00m);

    public PisCofinsGroup Group => Cst switch
    {
        "01" or "02" => PisCofinsGroup.Aliq,
        "04" or "05" or "06" or "07" or "08" or "09" => PisCofinsGroup.NT,
        _ => PisCofinsGroup.Outr,
    };
}

/// <summary>Which PIS/COFINS group of the schema an item carries.</summary>
public enum PisCofinsGroup { Aliq, NT, Outr }
