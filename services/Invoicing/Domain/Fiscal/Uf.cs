namespace TrayBridge.Invoicing.Domain.Fiscal;

/// <summary>The 27 UFs as the NF-e needs them: the IBGE code (<c>cUF</c>, the first two digits of every <c>cMun</c>
/// and of the chave de acesso), the UTC offset <c>dhEmi</c> is written in, and the region that decides the interstate
/// ICMS rate.</summary>
public static class Uf
{
    private sealed record Info(string Code, int UtcOffsetHours, Region Region);

    // Offsets as sped-nfe's TimeZoneByUF (Brazil has had no daylight saving time since 2019): Brasília time except
    // AM, MT, MS, RO, RR (−4) and AC (−5). A state's offset, not a city's: Fernando de Noronha issues on PE's.
    private static readonly Dictionary<string, Info> All = new(StringComparer.Ordinal)
    {
        ["RO"] = new("11", -4, Region.Norte), ["AC"] = new("12", -5, Region.Norte), ["AM"] = new("13", -4, Region.Norte),
        ["RR"] = new("14", -4, Region.Norte), ["PA"] = new("15", -3, Region.Norte), ["AP"] = new("16", -3, Region.Norte),
        ["TO"] = new("17", -3, Region.Norte), ["MA"] = new("21", -3, Region.Nordeste), ["PI"] = new("22", -3, Region.Nordeste),
        ["CE"] = new("23", -3, Region.Nordeste), ["RN"] = new("24", -3, Region.Nordeste), ["PB"] = new("25", -3, Region.Nordeste),
        ["PE"] = new("26", -3, Region.Nordeste), ["AL"] = new("27", -3, Region.Nordeste), ["SE"] = new("28", -3, Region.Nordeste),
        ["BA"] = new("29", -3, Region.Nordeste), ["MG"] = new("31", -3, Region.Sudeste), ["ES"] = new("32", -3, Region.Sudeste),
        ["RJ"] = new("33", -3, Region.Sudeste), ["SP"] = new("35", -3, Region.Sudeste), ["PR"] = new("41", -3, Region.Sul),
        ["SC"] = new("42", -3, Region.Sul), ["RS"] = new("43", -3, Region.Sul), ["MS"] = new("50", -4, Region.CentroOeste),
        ["MT"] = new("51", -4, Region.CentroOeste), ["GO"] = new("52", -3, Region.CentroOeste), ["DF"] = new("53", -3, Region.CentroOeste),
    };

    public static IEnumerable<string> Codes => All.Keys;

    public static bool IsValid(string? uf) => uf is not null && All.ContainsKey(uf);

    /// <summary>The UF's 2-digit IBGE code (<c>cUF</c>), e.g. SP → 35.</summary>
    public static string IbgeCode(string uf) => Get(uf).Code;

    /// <summary>The UF of an IBGE code (an access key's first two digits), or null.</summary>
    public static string? FromIbgeCode(string code) => All.FirstOrDefault(u => u.Value.Code == code).Key;

    public static TimeSpan UtcOffset(string uf) => TimeSpan.FromHours(Get(uf).UtcOffsetHours);

    /// <summary>The instant as the UF's clock reads it, to the second (<c>TDateTimeUTC</c> has no fractions).</summary>
    public static DateTimeOffset LocalTime(string uf, DateTimeOffset instant)
    {
        var local = instant.ToOffset(UtcOffset(uf));
        return local.AddTicks(-(local.Ticks % TimeSpan.TicksPerSecond));
    }

    /// <summary>The interstate ICMS rate (Resolução do Senado 22/1989 and 13/2012): 4% for imported goods, 7% from the
    /// South and Southeast (except ES) to the North, Northeast, Center-West and ES, 12% otherwise.</summary>
    public static decimal InterstateRate(string from, string to, bool imported)
    {
        if (imported) return 4m;
        var southOrSoutheast = Get(from).Region is Region.Sul or Region.Sudeste && from != "ES";
        var poorer = Get(to).Region is Region.Norte or Region.Nordeste or Region.CentroOeste || to == "ES";
        return southOrSoutheast && poorer ? 7m : 12m;
    }

    private static Info Get(string uf) =>
        All.TryGetValue(uf, out var info) ? info : throw new ArgumentException($"'{uf}' is not a Brazilian UF.", nameof(uf));

    private enum Region { Norte, Nordeste, CentroOeste, Sudeste, Sul }
}
