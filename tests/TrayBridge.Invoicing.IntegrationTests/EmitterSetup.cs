namespace TrayBridge.Invoicing.IntegrationTests;

/// <summary>The emitter of nfe.md's examples (Simples Nacional in São Paulo, homologação). Where its notes go is not the
/// tenant's to say: the fixture's operator override sends every tenant's to the in-process SEFAZ simulator.</summary>
public static class EmitterSetup
{
    public const string Cnpj = "11222333000181";

    /// <param name="series">Tenants of one fixture share the simulator and the CNPJ: each takes its own série, or their
    /// numbers would collide there (539).</param>
    public static object Body(string cnpj = Cnpj, int series = 1) => new
    {
        cnpj,
        stateRegistration = "123456789012",
        name = "LOJA EXEMPLO LTDA",
        tradeName = "Loja Exemplo",
        address = new
        {
            street = "RUA DAS FLORES", number = "100", district = "CENTRO", cityCode = "3550308", cityName = "SAO PAULO", uf = "SP",
            zipCode = "01001000", phone = "1133334444",
        },
        crt = 1,
        series,
        environment = 2,
    };
}
