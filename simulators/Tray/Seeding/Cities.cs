using System.Globalization;

namespace TrayBridge.TraySimulator.Seeding;

/// <summary>Real cities with their IBGE codes and CEP ranges, from the small table shipped in cities.csv (see its licence notice).</summary>
public sealed record City(string IbgeCode, string Name, string State, int CepFirst, int CepLast)
{
    public static readonly IReadOnlyList<City> All = Load();

    /// <summary>A CEP inside the city's range, formatted as Tray returns it ("17500-000").</summary>
    public string Cep(Random random)
    {
        var cep = random.Next(CepFirst, CepLast + 1).ToString("00000000", CultureInfo.InvariantCulture);
        return $"{cep[..5]}-{cep[5..]}";
    }

    private static List<City> Load()
    {
        using var stream = typeof(City).Assembly.GetManifestResourceStream("cities.csv")
                           ?? throw new InvalidOperationException("cities.csv is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith('#')).Skip(1)
            .Select(line => line.Split(','))
            .Select(f => new City(f[0], f[1], f[2], int.Parse(f[3], CultureInfo.InvariantCulture), int.Parse(f[4], CultureInfo.InvariantCulture)))
            .ToList();
    }
}
