using Microsoft.Extensions.Options;
using TrayBridge.Invoicing.Domain.Emitters;
using TrayBridge.Invoicing.Features;
using TrayBridge.Invoicing.Features.Sefaz;

namespace TrayBridge.Invoicing.Tests;

/// <summary>Issue 11 (item 3): where a note goes is the official table's answer for the emitter's UF and ambiente — the
/// UF's own SEFAZ, SVRS or SVAN —, never a tenant's URL; only the operator's override replaces it.</summary>
public sealed class SefazWebServicesTests
{
    private static readonly SefazWebServices Table = new(Options.Create(new InvoicingSettings()));

    [Fact]
    public void Sao_Paulo_homologacao_is_SEFAZ_SP_and_Acre_homologacao_is_SVRS()
    {
        var sp = Table.For("SP", NfeEnvironment.Homologacao)!;
        Assert.Equal(("SP", false), (sp.Authorizer, sp.Overridden));
        Assert.Equal("https://homologacao.nfe.fazenda.sp.gov.br/ws/nfeautorizacao4.asmx", sp.Authorization.ToString());
        Assert.Equal("https://homologacao.nfe.fazenda.sp.gov.br/ws/nferetautorizacao4.asmx", sp.Receipt.ToString());
        Assert.Equal("https://homologacao.nfe.fazenda.sp.gov.br/ws/nfeconsultaprotocolo4.asmx", sp.Consultation.ToString());
        Assert.Equal("https://homologacao.nfe.fazenda.sp.gov.br/ws/nfeinutilizacao4.asmx", sp.Voiding.ToString());

        var ac = Table.For("AC", NfeEnvironment.Homologacao)!;
        Assert.Equal("SVRS", ac.Authorizer);
        Assert.Equal("https://nfe-homologacao.svrs.rs.gov.br/ws/NfeAutorizacao/NFeAutorizacao4.asmx", ac.Authorization.ToString());
        Assert.Equal("https://nfe-homologacao.svrs.rs.gov.br/ws/NfeConsulta/NfeConsulta4.asmx", ac.Consultation.ToString());
        Assert.Equal("https://nfe.svrs.rs.gov.br/ws/NfeAutorizacao/NFeAutorizacao4.asmx", Table.For("AC", NfeEnvironment.Producao)!.Authorization.ToString());
    }

    [Theory]
    [InlineData("AM", "AM"), InlineData("BA", "BA"), InlineData("GO", "GO"), InlineData("MG", "MG"), InlineData("MS", "MS"), InlineData("MT", "MT")]
    [InlineData("PE", "PE"), InlineData("PR", "PR"), InlineData("RS", "RS"), InlineData("SP", "SP"), InlineData("MA", "SVAN"), InlineData("RJ", "SVRS")]
    [InlineData("SC", "SVRS"), InlineData("DF", "SVRS"), InlineData("ES", "SVRS"), InlineData("CE", "SVRS"), InlineData("PA", "SVRS")]
    public void Each_uf_goes_to_its_authorizer(string uf, string authorizer) =>
        Assert.Equal(authorizer, Table.For(uf, NfeEnvironment.Producao)!.Authorizer);

    [Fact]
    public void Every_uf_and_ambiente_has_https_endpoints_for_every_service_we_use_and_its_contingency()
    {
        string[] ufs = ["AC", "AL", "AM", "AP", "BA", "CE", "DF", "ES", "GO", "MA", "MG", "MS", "MT", "PA", "PB", "PE", "PI", "PR", "RJ", "RN", "RO",
            "RR", "RS", "SC", "SE", "SP", "TO"];
        foreach (var uf in ufs)
        foreach (var environment in new[] { NfeEnvironment.Producao, NfeEnvironment.Homologacao })
        foreach (var contingency in new[] { false, true })
        {
            var endpoints = SefazWebServices.OfficialFor(uf, environment, contingency)!;
            Assert.All([endpoints.Authorization, endpoints.Receipt, endpoints.Consultation, endpoints.Voiding, endpoints.Events],
                url => Assert.Equal(Uri.UriSchemeHttps, url.Scheme));
        }
        Assert.Equal("SVC-AN", SefazWebServices.OfficialFor("SP", NfeEnvironment.Producao, contingency: true)!.Authorizer);
        Assert.Equal("SVC-RS", SefazWebServices.OfficialFor("PR", NfeEnvironment.Producao, contingency: true)!.Authorizer);
        Assert.Null(Table.For("XX", NfeEnvironment.Producao));
    }

    [Fact]
    public void Only_the_operator_override_replaces_the_table_and_only_it_may_be_plain_http()
    {
        var demo = new SefazWebServices(Options.Create(new InvoicingSettings { Sefaz = { EndpointOverride = "http://127.0.0.1:5202" } }));
        var endpoints = demo.For("AC", NfeEnvironment.Homologacao)!;
        Assert.True(endpoints.Overridden);
        Assert.Equal("http://127.0.0.1:5202/ws/NFeAutorizacao4/NFeAutorizacao4.asmx", endpoints.Authorization.ToString());
        Assert.True(demo.IsOverride(endpoints.Receipt));
        Assert.False(demo.IsOverride(new Uri("http://127.0.0.1:5103/health/ready")));
        Assert.False(Table.IsOverride(new Uri("http://127.0.0.1:5202/ws/NFeAutorizacao4/NFeAutorizacao4.asmx")));
    }
}
