using TrayBridge.Invoicing.Domain.Building;
using TrayBridge.Invoicing.Domain.Emitters;
using TrayBridge.Invoicing.Domain.Orders;

namespace TrayBridge.Invoicing.Tests;

/// <summary>The parties and sale of nfe.md §2.2 (synthetic CNPJ, IE and CPF with valid check digits) and variations.</summary>
public static class Samples
{
    public const string Cnpj = TestCertificates.ExampleCnpj;
    public static readonly DateTimeOffset IssuedAt = new(2024, 1, 15, 10, 30, 0, TimeSpan.FromHours(-3));

    public static readonly NfeAddress SaoPaulo = new("RUA A", "100", null, "CENTRO", "3550308", "SAO PAULO", "SP", "01001000");

    public static Emitter SimplesNacional { get; } =
        new(Cnpj, "123456789012", "LOJA EXEMPLO LTDA", SaoPaulo, Crt.SimplesNacional, 1, NfeEnvironment.Homologacao);

    public static Emitter RegimeNormal { get; } = SimplesNacional with { Crt = Crt.RegimeNormal };

    public static NfeRecipient ConsumerInSaoPaulo { get; } = new("MARIA DA SILVA", "12345678909",
        new NfeAddress("RUA B", "200", null, "MOOCA", "3550308", "SAO PAULO", "SP", "03101000"), Email: "cliente@example.com");

    public static NfeRecipient ConsumerInRio { get; } = ConsumerInSaoPaulo with
    {
        Address = new NfeAddress("AV ATLANTICA", "1500", "APTO 801", "COPACABANA", "3304557", "RIO DE JANEIRO", "RJ", "22021001"),
    };

    /// <summary>A reseller in Minas Gerais with an IE.</summary>
    public static NfeRecipient CompanyInMinas { get; } = new("COMERCIO MINEIRO LTDA", "11444777000161",
        new NfeAddress("RUA DA BAHIA", "1000", null, "CENTRO", "3106200", "BELO HORIZONTE", "MG", "30160011"), StateRegistration: "0623079040081");

    /// <summary>The §2.2 sale: two T-shirts at 49.90, 10.00 freight, paid by credit card.</summary>
    public static NfeOrder Tshirts(NfeRecipient? recipient = null) => new("1001", recipient ?? ConsumerInSaoPaulo,
        [new NfeOrderItem(1, "SKU-001", "CAMISETA ALGODAO", "61091000", 2, 49.90m, Freight: 10.00m)],
        new NfePayment(NfePaymentType.CartaoCredito));

    public static NfeIdentity Identity(int number = 1234) => new(1, number, "48213697", IssuedAt);

    public static NfeBuilder Builder { get; } = new(appVersion: "Loja 1.0");
}
