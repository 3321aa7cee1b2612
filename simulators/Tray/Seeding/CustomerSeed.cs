using Bogus;
using Bogus.Extensions.Brazil;
using TrayBridge.TraySimulator.Sales;
using TrayBridge.TraySimulator.Stores;

namespace TrayBridge.TraySimulator.Seeding;

/// <summary>
/// Brazilian buyers: people with a CPF (digits, as Tray sends it) and companies with a CNPJ (formatted) and state
/// inscription, in real cities. Some channels let a buyer through without either document: <see cref="CustomerProfile.WithoutDocument"/>.
/// </summary>
public static class CustomerSeed
{
    private static readonly string[] Neighborhoods = ["Centro", "Jardim América", "Vila Nova", "Boa Vista", "Bela Vista", "Santa Cecília", "Jardim Paulista"];

    public static Customer Add(Store store, Faker faker, DateTimeOffset now, CustomerProfile profile)
    {
        var company = profile.Company;
        var documented = !profile.WithoutDocument;
        var person = new Person("pt_BR", faker.Random.Int());
        var customer = new Customer
        {
            Id = store.NextId("customer", 100), Created = now, Modified = now, Type = company ? 1 : 0,
            Name = company ? faker.Company.CompanyName() : person.FullName,
            Cpf = company || !documented ? "" : person.Cpf(includeFormatSymbols: false),
            Cnpj = company && documented ? faker.Company.Cnpj() : "",
            CompanyName = company ? faker.Company.CompanyName() : "",
            Email = person.Email.ToLowerInvariant(), Phone = faker.Phone.PhoneNumber("(##) ####-####"),
            Cellphone = faker.Phone.PhoneNumber("(##) 9####-####"),
            BirthDate = DateOnly.FromDateTime(person.DateOfBirth), Gender = person.Gender == Bogus.DataSets.Name.Gender.Female ? 1 : 0,
        };
        store.Customers[customer.Id] = customer;
        var city = faker.PickRandom(City.All.ToList());
        if (company && documented) customer.StateInscription = StateRegistrations.For(city.State, faker);
        foreach (var type in new[] { 0, 1 })
        {
            var address = new CustomerAddress
            {
                Id = store.NextId("address", 500), CustomerId = customer.Id, Recipient = customer.Name, Type = type,
                Address = faker.Address.StreetName(), Number = faker.Address.BuildingNumber(),
                Complement = faker.Random.Bool(0.3f) ? $"Apto {faker.Random.Int(11, 184)}" : "",
                Neighborhood = faker.PickRandom(Neighborhoods), City = city.Name, State = city.State,
                ZipCode = city.Cep(new Random(faker.Random.Int())), Description = type == 0 ? "Cobrança" : "Entrega",
            };
            store.Addresses[address.Id] = address;
        }
        return customer;
    }
}
