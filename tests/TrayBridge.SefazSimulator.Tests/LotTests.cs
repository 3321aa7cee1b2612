using System.Xml.Linq;
using TrayBridge.SefazSimulator.Tests.Support;

namespace TrayBridge.SefazSimulator.Tests;

/// <summary>Lots (nfe.md §4.2–4.3): lot-level rejections, and the asynchronous receipt flow on the fake clock.</summary>
public sealed class LotTests
{
    private static readonly XNamespace Nfe = SefazSession.Nfe;

    [Fact]
    public async Task Two_notes_sent_asynchronously_get_a_receipt_105_until_the_delay_passes_then_104_with_a_protocol_each()
    {
        await using var sefaz = await SefazSession.StartAsync();
        var first = new TestNfe { Number = 1 };
        var second = new TestNfe { Number = 2, DestName = "MARIA DA SILVA" };

        var received = await sefaz.AuthorizeAsync(0, first.Signed(), second.Signed());

        Assert.Equal((103, "Lote recebido com sucesso"), (received.CStat(), received.XMotivo()));
        var nRec = received.Element(Nfe + "infRec")!.Text("nRec")!;
        Assert.Matches("^35[0-9]{13}$", nRec);
        Assert.Equal("2", received.Element(Nfe + "infRec")!.Text("tMed"));
        Assert.Empty(OfficialSchemas.Errors(received.ToString(SaveOptions.DisableFormatting), "retEnviNFe_v4.00.xsd"));

        var waiting = await sefaz.ConsultReceiptAsync(nRec);
        Assert.Equal((105, "Lote em processamento"), (waiting.CStat(), waiting.XMotivo()));
        Assert.Equal(217, (await sefaz.ConsultKeyAsync(first.Key)).CStat());

        sefaz.Clock.Advance(TimeSpan.FromSeconds(2));
        var processed = await sefaz.ConsultReceiptAsync(nRec);

        Assert.Equal((104, "Lote processado"), (processed.CStat(), processed.XMotivo()));
        var outcomes = processed.Elements(Nfe + "protNFe").Select(p => p.Element(Nfe + "infProt")!)
            .ToDictionary(p => p.Text("chNFe")!, p => p.CStat());
        Assert.Equal(new Dictionary<string, int> { [first.Key] = 100, [second.Key] = 598 }, outcomes);
        Assert.Empty(OfficialSchemas.Errors(processed.ToString(SaveOptions.DisableFormatting), "retConsReciNFe_v4.00.xsd"));
        Assert.Equal(100, (await sefaz.ConsultKeyAsync(first.Key)).CStat());
    }

    [Fact]
    public async Task An_unknown_receipt_is_106()
    {
        await using var sefaz = await SefazSession.StartAsync();

        var answer = await sefaz.ConsultReceiptAsync("351000000000099");

        Assert.Equal((106, "Lote não localizado"), (answer.CStat(), answer.XMotivo()));
    }

    [Fact]
    public async Task One_note_asked_asynchronously_is_452_and_several_asked_synchronously_764()
    {
        await using var sefaz = await SefazSession.StartAsync();

        var single = await sefaz.AuthorizeAsync(0, new TestNfe().Signed());
        var several = await sefaz.AuthorizeAsync(1, new TestNfe { Number = 1 }.Signed(), new TestNfe { Number = 2 }.Signed());

        Assert.Equal((452, 0, "Rejeição: Solicitada resposta assíncrona para Lote com somente 1 (uma) NF-e"), single.Outcome());
        Assert.Equal((764, 0, "Rejeição: Solicitada resposta síncrona para Lote com mais de uma NF-e (indSinc=1)"), several.Outcome());
        Assert.Empty(sefaz.Host.Admin.Notes());
    }

    [Fact]
    public async Task A_schema_failure_rejects_the_whole_lot_with_225_and_the_admin_log_says_why()
    {
        await using var sefaz = await SefazSession.StartAsync();

        // 109.8: TDec_1302 wants exactly two decimals (nfe.md §2.4).
        var answer = await sefaz.AuthorizeAsync(1, new TestNfe { VNFText = "109.8" }.Signed());

        Assert.Equal((225, 0, "Rejeição: Falha no Schema XML do lote de NFe"), answer.Outcome());
        Assert.Contains("vNF", sefaz.Host.Admin.Requests().Last().Detail);
    }

    [Fact]
    public async Task An_unsigned_note_fails_the_schema_as_Signature_is_mandatory()
    {
        await using var sefaz = await SefazSession.StartAsync();

        Assert.Equal(225, (await sefaz.AuthorizeAsync(1, new TestNfe().Xml())).CStat());
    }

    [Fact]
    public async Task Indentation_between_the_tags_of_the_lot_is_588()
    {
        await using var sefaz = await SefazSession.StartAsync();
        var lot = $"<enviNFe xmlns=\"{Nfe.NamespaceName}\" versao=\"4.00\">\n  <idLote>1</idLote><indSinc>1</indSinc>"
                  + SefazSession.WithoutDeclaration(new TestNfe().Signed()) + "</enviNFe>";

        Assert.Equal(588, (await sefaz.CallAsync("NFeAutorizacao4", lot)).CStat());
    }

    [Fact]
    public async Task A_lot_above_the_size_limit_is_214()
    {
        await using var sefaz = await SefazSession.StartAsync();
        sefaz.Host.Admin.UpdateSettings(s => s with { MaxLotBytes = 2000 });

        Assert.Equal(214, (await sefaz.AuthorizeAsync(1, new TestNfe().Signed())).CStat());
    }
}
