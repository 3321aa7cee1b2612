using System.Text.RegularExpressions;
using System.Xml.Linq;
using TrayBridge.SefazSimulator.Tests.Support;

namespace TrayBridge.SefazSimulator.Tests;

public sealed class AuthorizationTests
{
    [Fact]
    public void The_test_note_is_nfe_md_verified_example_byte_for_byte_its_digest_is_the_documented_one()
    {
        var note = new TestNfe();

        Assert.Equal("35240111222333000181550010000012341482136974", note.Key);
        Assert.Equal("kKxACkgQ/T6R7hF3fAJDciY5iQY=", NfeSigner.DigestOf(note.Signed()));
        Assert.Empty(OfficialSchemas.Errors(note.Signed(), "nfe_v4.00.xsd"));
    }

    [Fact]
    public async Task A_valid_note_sent_synchronously_is_authorized_with_protocol_digVal_and_dhRecbto_and_consulted_by_key()
    {
        await using var sefaz = await SefazSession.StartAsync();
        var note = new TestNfe();
        var signed = note.Signed();

        var answer = await sefaz.AuthorizeAsync(1, signed);

        Assert.Equal((104, "Lote processado"), (answer.CStat(), answer.XMotivo()));
        var protocol = answer.InfProt();
        Assert.Equal((100, "Autorizado o uso da NF-e"), (protocol.CStat(), protocol.XMotivo()));
        Assert.Equal(note.Key, protocol.Text("chNFe"));
        Assert.Matches(new Regex(@"^13524\d{10}$"), protocol.Text("nProt"));
        Assert.Equal(NfeSigner.DigestOf(signed), protocol.Text("digVal"));
        Assert.Equal("2024-01-15T11:00:00-03:00", protocol.Text("dhRecbto"));
        Assert.Empty(OfficialSchemas.Errors(answer.ToString(SaveOptions.DisableFormatting), "retEnviNFe_v4.00.xsd"));

        var consulted = await sefaz.ConsultKeyAsync(note.Key);
        Assert.Equal(100, consulted.CStat());
        Assert.Equal(protocol.Text("nProt"), consulted.InfProt().Text("nProt"));
        Assert.Empty(OfficialSchemas.Errors(consulted.ToString(SaveOptions.DisableFormatting), "retConsSitNFe_v4.00.xsd"));

        var nfeProc = sefaz.Host.Admin.NfeProc(note.Key)!;
        Assert.Empty(OfficialSchemas.Errors(nfeProc, "procNFe_v4.00.xsd"));
        Assert.Contains(SefazSession.WithoutDeclaration(signed), nfeProc);
    }

    [Fact]
    public async Task An_unknown_key_is_not_in_the_base_and_a_key_with_a_wrong_digit_is_236()
    {
        await using var sefaz = await SefazSession.StartAsync();

        Assert.Equal(217, (await sefaz.ConsultKeyAsync(new TestNfe().Key)).CStat());
        Assert.Equal(236, (await sefaz.ConsultKeyAsync(new TestNfe().Key[..43] + "5")).CStat());
    }

    [Fact]
    public async Task A_note_issued_more_than_seven_days_before_reception_is_authorized_late_with_150()
    {
        await using var sefaz = await SefazSession.StartAsync();

        var answer = await sefaz.AuthorizeAsync(1, new TestNfe { DhEmi = new(2024, 1, 5, 9, 0, 0, TimeSpan.FromHours(-3)) }.Signed());

        Assert.Equal((150, "Autorizado o uso da NF-e, autorização fora de prazo"), (answer.InfProt().CStat(), answer.InfProt().XMotivo()));
        Assert.NotNull(answer.InfProt().Text("nProt"));
    }

    [Fact]
    public async Task Under_the_PL_010_package_the_same_note_is_validated_and_authorized()
    {
        await using var sefaz = await SefazSession.StartAsync();
        sefaz.Host.Admin.UpdateSettings(s => s with { SchemaPackage = "PL_010_V1.30" });

        var answer = await sefaz.AuthorizeAsync(1, new TestNfe().Signed());

        Assert.Equal(100, answer.InfProt().CStat());
        Assert.Equal("PL_010_V1.30", sefaz.Host.Admin.Settings.SchemaPackage);
    }

    [Fact]
    public async Task The_SP_style_path_and_any_folder_name_reach_the_same_services()
    {
        await using var sefaz = await SefazSession.StartAsync();
        var status = "<consStatServ xmlns=\"http://www.portalfiscal.inf.br/nfe\" versao=\"4.00\"><tpAmb>2</tpAmb><cUF>35</cUF><xServ>STATUS</xServ></consStatServ>";

        using var sp = await sefaz.PostAsync("NFeStatusServico4", status, "ws/nfestatusservico4.asmx");
        using var svrs = await sefaz.PostAsync("NFeStatusServico4", status, "ws/NfeStatusServico/NfeStatusServico4.asmx");

        Assert.Equal(200, (int)sp.StatusCode);
        Assert.Equal(200, (int)svrs.StatusCode);
        Assert.Equal(107, (await sefaz.StatusAsync()).CStat());
    }
}
