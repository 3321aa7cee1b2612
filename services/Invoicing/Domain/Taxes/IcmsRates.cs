namespace TrayBridge.Invoicing.Domain.Taxes;

/// <summary>Each UF's internal ICMS rate and its Fundo de Combate à Pobreza (FCP) surcharge, for CST 00 within the UF
/// and for the DIFAL of interstate consumer sales (<c>pICMSUFDest</c>, <c>pFCPUFDest</c>). Modal rates as of 2025;
/// states change them by law and many goods have their own, so this is a default to be kept by the accountant.</summary>
public sealed record IcmsRates(IReadOnlyDictionary<string, UfIcmsRate> ByUf)
{
    public static readonly IcmsRates Default = new(new Dictionary<string, UfIcmsRate>
    {
        ["AC"] = new(19m), ["AL"] = new(19m, Fcp: 1m), ["AM"] = new(20m), ["AP"] = new(18m), ["BA"] = new(20.5m),
        ["CE"] = new(20m), ["DF"] = new(20m), ["ES"] = new(17m), ["GO"] = new(19m), ["MA"] = new(23m), ["MG"] = new(18m),
        ["MS"] = new(17m), ["MT"] = new(17m), ["PA"] = new(19m), ["PB"] = new(20m), ["PE"] = new(20.5m), ["PI"] = new(22.5m),
        ["PR"] = new(19.5m), ["RJ"] = new(20m, Fcp: 2m), ["RN"] = new(20m), ["RO"] = new(19.5m), ["RR"] = new(20m),
        ["RS"] = new(17m), ["SC"] = new(17m), ["SE"] = new(20m), ["SP"] = new(18m), ["TO"] = new(20m),
    });

    public UfIcmsRate For(string uf) =>
        ByUf.TryGetValue(uf, out var rate) ? rate : throw new NfeDataException($"As regras fiscais não têm alíquota de ICMS para {uf}");

    /// <summary>A copy with one UF's rates replaced.</summary>
    public IcmsRates With(string uf, UfIcmsRate rate) => new(new Dictionary<string, UfIcmsRate>(ByUf) { [uf] = rate });
}

/// <summary>A UF's internal rate and FCP, in percent.</summary>
public sealed record UfIcmsRate(decimal Internal, decimal Fcp = 0m);
