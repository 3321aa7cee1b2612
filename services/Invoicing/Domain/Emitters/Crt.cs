namespace TrayBridge.Invoicing.Domain.Emitters;

/// <summary>Código de Regime Tributário (<c>emit/CRT</c>): decides whether items carry a CSOSN (Simples Nacional) or a
/// CST (regime normal).</summary>
public enum Crt
{
    SimplesNacional = 1,
    /// <summary>Simples Nacional over the gross-revenue sub-limit: ICMS is due as in regime normal.</summary>
    SimplesNacionalExcessoSublimite = 2,
    RegimeNormal = 3,
    /// <summary>Microempreendedor individual (NT 2022.001).</summary>
    Mei = 4,
}

public static class Crts
{
    /// <summary>Items carry a CSOSN (ICMSSN…) rather than a CST.</summary>
    public static bool UsesCsosn(this Crt crt) => crt is Crt.SimplesNacional or Crt.Mei;
}
