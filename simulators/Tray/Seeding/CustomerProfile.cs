using Bogus;

namespace TrayBridge.TraySimulator.Seeding;

/// <summary>
/// The kind of buyer an order gets: a person (CPF) or a company (CNPJ, state inscription), and whether the document is
/// missing, as Tray lets through for some channels (marketplaces that hide the buyer's data, stores with CPF optional).
/// </summary>
public sealed record CustomerProfile(bool Company = false, bool WithoutDocument = false)
{
    /// <summary>What an order gets when nothing is asked: about one company in three, always with a document.</summary>
    public static CustomerProfile Random(Faker faker) => new(Company: faker.Random.Bool(0.3f));
}
