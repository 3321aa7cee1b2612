namespace TrayBridge.Orders.Domain;

/// <summary>Every Brazilian municipality by UF and name, resolved however the buyer typed the name (see
/// <see cref="NameKey"/>). The table ships in the assembly (<c>Data/ibge-municipios.csv</c>); build one per process
/// with <see cref="Load"/>, it is immutable and safe to share.</summary>
public sealed class IbgeCities
{
    private const string Resource = "TrayBridge.Orders.Data.ibge-municipios.csv";
    private readonly Dictionary<(string Uf, string Key), IbgeCity> byName = [];
    private readonly Dictionary<string, IbgeCity> byCode = [];
    private readonly Dictionary<string, string> stateCodes = [];

    public IbgeCities(IEnumerable<IbgeCity> cities)
    {
        var all = cities.ToList();
        foreach (var city in all)
        {
            byCode.Add(city.Code, city);
            byName.Add((city.Uf, NameKey.Of(city.Name)), city);
            stateCodes.TryAdd(city.Uf, city.StateCode);
        }
        // "Augusto Severo (Campo Grande)": the former and the current name both find it, unless another city has it.
        foreach (var city in all.Where(c => c.Name.Contains('(')))
            foreach (var part in city.Name.Split('(', ')', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                byName.TryAdd((city.Uf, NameKey.Of(part)), city);
    }

    public int Count => byCode.Count;

    /// <summary>The table shipped with the service.</summary>
    public static IbgeCities Load()
    {
        using var stream = typeof(IbgeCities).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"Embedded resource {Resource} is missing.");
        return Read(new StreamReader(stream));
    }

    /// <summary>Lines <c>codigo_ibge,uf,nome,fuso_horario</c> after a header; <c>#</c> lines are comments.</summary>
    public static IbgeCities Read(TextReader reader)
    {
        var cities = new List<IbgeCity>();
        var header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (header) { header = false; continue; }
            var fields = line.Split(',');
            if (fields.Length != 4) throw new FormatException($"Expected 4 fields: {line}");
            cities.Add(new IbgeCity(fields[0], fields[1], fields[2], fields[3]));
        }
        return new IbgeCities(cities);
    }

    /// <summary>The municipality named <paramref name="city"/> in <paramref name="uf"/>; null when there is none. A
    /// trailing UF ("Campinas - SP", "Campinas/SP") is forgiven.</summary>
    public IbgeCity? Find(string? uf, string? city)
    {
        var state = (uf ?? "").Trim().ToUpperInvariant();
        var key = NameKey.Of(city);
        if (byName.TryGetValue((state, key), out var found)) return found;
        var suffix = state.ToLowerInvariant();
        return state.Length == 2 && key.Length > 2 && key.EndsWith(suffix, StringComparison.Ordinal)
            && byName.TryGetValue((state, key[..^2]), out found) ? found : null;
    }

    public IbgeCity? ByCode(string? code) => code is not null && byCode.TryGetValue(code, out var city) ? city : null;

    /// <summary>The UF's 2-digit IBGE code (NF-e <c>cUF</c>), e.g. SP → 35; null for an unknown UF.</summary>
    public string? StateCode(string? uf) => stateCodes.GetValueOrDefault((uf ?? "").Trim().ToUpperInvariant());
}
