namespace TrayBridge.TraySimulator.Seeding;

/// <summary>Inscrições estaduais for seeded companies that pass their UF's check digits (Sintegra's routines, which the SEFAZ
/// simulator applies: a random number would have every company's NF-e rejected with 210). UFs without a table get digits of
/// a plausible length, which SEFAZ checks only for shape.</summary>
public static class StateRegistrations
{
    private static readonly Dictionary<string, string[]> Valid = new()
    {
        ["SP"] = ["526018151907", "830166136186", "609139099965"],
        ["RJ"] = ["03082466", "28194820", "19935183"],
        ["PR"] = ["1909378601", "5797543200", "3194875737"],
        ["RS"] = ["4911862520", "7601895557", "9797114711"],
        ["SC"] = ["049746502", "752917030", "423667122"],
        ["MG"] = ["7684268465669", "3212233079297", "4402685995279"],
    };

    public static string For(string uf, Bogus.Faker faker) =>
        Valid.TryGetValue(uf, out var known) ? faker.PickRandom(known) : faker.Random.ReplaceNumbers("#########");
}
