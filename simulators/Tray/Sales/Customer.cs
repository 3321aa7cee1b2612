using System.Text.Json.Nodes;
using TrayBridge.TraySimulator.Tray;

namespace TrayBridge.TraySimulator.Sales;

/// <summary>A customer (tray-api.md §6): <c>type</c> 0 = pessoa física (CPF), 1 = pessoa jurídica (CNPJ).</summary>
public sealed class Customer
{
    public long Id { get; init; }
    public string Name { get; set; } = "";
    public int Type { get; set; }
    public string Cpf { get; set; } = "";
    public string Cnpj { get; set; } = "";
    public string CompanyName { get; set; } = "";
    public string StateInscription { get; set; } = "";
    public string Rg { get; set; } = "";
    public string Email { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Cellphone { get; set; } = "";
    public DateOnly? BirthDate { get; set; }
    public int Gender { get; set; }
    public bool Newsletter { get; set; }
    public DateTimeOffset Created { get; init; }
    public DateTimeOffset Modified { get; set; }

    public void Apply(JsonObject body)
    {
        Name = body.Text("name") ?? Name;
        Type = (int)(body.Long("type") ?? Type);
        // CPF travels as digits, CNPJ formatted (tray-api.md §6.2): keep each as sent.
        Cpf = body.Text("cpf") ?? Cpf;
        Cnpj = body.Text("cnpj") ?? Cnpj;
        CompanyName = body.Text("company_name") ?? CompanyName;
        StateInscription = body.Text("state_inscription") ?? StateInscription;
        Rg = body.Text("rg") ?? Rg;
        Email = body.Text("email") ?? Email;
        Phone = body.Text("phone") ?? Phone;
        Cellphone = body.Text("cellphone") ?? Cellphone;
        if (body.Text("birth_date") is { } birth) BirthDate = TrayTime.ParseDay(birth);
        // DEV21 samples send "M"/"F" where the tables say 0/1 (§4.7).
        Gender = body.Text("gender") switch { "1" or "F" or "f" => 1, "0" or "M" or "m" => 0, _ => Gender };
        Newsletter = body.Bool("newsletter") ?? Newsletter;
    }
}

/// <summary>A customer address: <c>type</c> 0 = cobrança (billing), 1 = entrega (delivery).</summary>
public sealed class CustomerAddress
{
    public long Id { get; init; }
    public long CustomerId { get; set; }
    public string Recipient { get; set; } = "";
    public string Address { get; set; } = "";
    public string Number { get; set; } = "";
    public string Complement { get; set; } = "";
    public string Neighborhood { get; set; } = "";
    public string City { get; set; } = "";
    public string State { get; set; } = "";
    public string ZipCode { get; set; } = "";
    public string Country { get; set; } = "BRA";
    public int Type { get; set; }
    public bool Active { get; set; } = true;
    public string Description { get; set; } = "";

    public void Apply(JsonObject body)
    {
        CustomerId = body.Long("customer_id") ?? CustomerId;
        Recipient = body.Text("recipient") ?? Recipient;
        Address = body.Text("address") ?? Address;
        Number = body.Text("number") ?? Number;
        Complement = body.Text("complement") ?? Complement;
        Neighborhood = body.Text("neighborhood") ?? Neighborhood;
        City = body.Text("city") ?? City;
        State = body.Text("state") ?? State;
        ZipCode = body.Text("zip_code") ?? ZipCode;
        Country = body.Text("country") ?? Country;
        Type = (int)(body.Long("type") ?? Type);
        Active = body.Bool("active") ?? Active;
        Description = body.Text("description") ?? Description;
    }
}
