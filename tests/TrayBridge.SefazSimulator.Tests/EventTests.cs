using System.Xml.Linq;
using TrayBridge.SefazSimulator.Tests.Support;

namespace TrayBridge.SefazSimulator.Tests;

/// <summary>NFeRecepcaoEvento4 (issue 13): cancellation (110111) and carta de correção (110110) of authorized notes, with
/// the rules a SEFAZ checks from its own base — key, protocol, deadline, duplicity, sequence.</summary>
public sealed class EventTests
{
    private static readonly XNamespace Nfe = SefazSession.Nfe;

    public const string CondUso = "A Carta de Correcao e disciplinada pelo paragrafo 1o-A do art. 7o do Convenio S/N, de 15 de dezembro de 1970 e pode ser utilizada para regularizacao de erro ocorrido na emissao de documento fiscal, desde que o erro nao esteja relacionado com: I - as variaveis que determinam o valor do imposto tais como: base de calculo, aliquota, diferenca de preco, quantidade, valor da operacao ou da prestacao; II - a correcao de dados cadastrais que implique mudanca do remetente ou do destinatario; III - a data de emissao ou de saida.";

    [Fact]
    public async Task A_note_is_cancelled_once_within_the_deadline_and_takes_no_event_after()
    {
        await using var sefaz = await SefazSession.StartAsync();
        var note = new TestNfe { Number = 301 };
        var nProt = (await sefaz.AuthorizeAsync(1, note.Signed())).InfProt().Text("nProt")!;

        Assert.Equal((217, null), Outcome(await CancelAsync(sefaz, new TestNfe { Number = 399 }.Key, nProt)));
        Assert.Equal((222, null), Outcome(await CancelAsync(sefaz, note.Key, "135240000000999")));
        var answer = await CancelAsync(sefaz, note.Key, nProt);
        Assert.Equal((128, "Lote de Evento Processado"), (answer.CStat(), answer.XMotivo()));
        Assert.Empty(OfficialSchemas.Errors(answer.ToString(SaveOptions.DisableFormatting), "retEnvEventoCancNFe_v1.00.xsd"));
        var (code, protocol) = Outcome(answer);
        Assert.Equal(135, code);
        Assert.Matches("^135[0-9]{12}$", protocol);

        Assert.Equal((573, null), Outcome(await CancelAsync(sefaz, note.Key, nProt)));
        Assert.Equal((580, null), Outcome(await CorrectAsync(sefaz, note.Key, 1)));
        var proc = Assert.Single(sefaz.Host.Admin.ProcEventos(note.Key));
        Assert.Empty(OfficialSchemas.Errors(proc, "procEventoCancNFe_v1.00.xsd"));
        Assert.Contains(sefaz.Host.Admin.Events(), e => e.Key == note.Key && e.CStat == 135 && e.Text == "Pedido cancelado pelo cliente na loja");
    }

    [Fact]
    public async Task Past_the_deadline_a_cancellation_is_501_and_a_signature_that_does_not_verify_is_297()
    {
        await using var sefaz = await SefazSession.StartAsync();
        var note = new TestNfe { Number = 302 };
        var nProt = (await sefaz.AuthorizeAsync(1, note.Signed())).InfProt().Text("nProt")!;

        Assert.Equal((297, null), Outcome(await CancelAsync(sefaz, note.Key, nProt, tamper: true)));
        sefaz.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        Assert.Equal((501, null), Outcome(await CancelAsync(sefaz, note.Key, nProt)));
        Assert.Empty(sefaz.Host.Admin.ProcEventos(note.Key));
    }

    [Fact]
    public async Task Cartas_de_correcao_run_in_sequence_and_a_repeated_sequence_is_573()
    {
        await using var sefaz = await SefazSession.StartAsync();
        var note = new TestNfe { Number = 303 };
        Assert.Equal(100, (await sefaz.AuthorizeAsync(1, note.Signed())).InfProt().CStat());

        var first = await CorrectAsync(sefaz, note.Key, 1);
        Assert.Empty(OfficialSchemas.Errors(first.ToString(SaveOptions.DisableFormatting), "retEnvCCe_v1.00.xsd"));
        Assert.Equal(135, Outcome(first).Code);
        Assert.Equal(135, Outcome(await CorrectAsync(sefaz, note.Key, 2)).Code);
        Assert.Equal(573, Outcome(await CorrectAsync(sefaz, note.Key, 2)).Code);
        Assert.Equal(573, Outcome(await CorrectAsync(sefaz, note.Key, 1)).Code);
        var procs = sefaz.Host.Admin.ProcEventos(note.Key);
        Assert.Equal(2, procs.Count);
        Assert.All(procs, p => Assert.Empty(OfficialSchemas.Errors(p, "procCCeNFe_v1.00.xsd")));
    }

    private static (int Code, string? Protocol) Outcome(XElement retEnvEvento)
    {
        var inf = retEnvEvento.Element(Nfe + "retEvento")!.Element(Nfe + "infEvento")!;
        return (inf.CStat(), inf.Text("nProt"));
    }

    private static Task<XElement> CancelAsync(SefazSession sefaz, string key, string nProt, bool tamper = false) =>
        SendAsync(sefaz, key, "110111", 1,
            $"<descEvento>Cancelamento</descEvento><nProt>{nProt}</nProt><xJust>Pedido cancelado pelo cliente na loja</xJust>", tamper);

    private static Task<XElement> CorrectAsync(SefazSession sefaz, string key, int seq) =>
        SendAsync(sefaz, key, "110110", seq,
            $"<descEvento>Carta de Correcao</descEvento><xCorrecao>Complemento do endereco: apartamento {seq}01</xCorrecao><xCondUso>{CondUso}</xCondUso>");

    private static Task<XElement> SendAsync(SefazSession sefaz, string key, string type, int seq, string detail, bool tamper = false)
    {
        var at = sefaz.Host.Admin.Now.ToOffset(TimeSpan.FromHours(-3)).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        var evento = $"<evento xmlns=\"{Nfe.NamespaceName}\" versao=\"1.00\"><infEvento Id=\"ID{type}{key}{seq:D2}\"><cOrgao>35</cOrgao><tpAmb>2</tpAmb>"
                     + $"<CNPJ>11222333000181</CNPJ><chNFe>{key}</chNFe><dhEvento>{at}</dhEvento><tpEvento>{type}</tpEvento>"
                     + $"<nSeqEvento>{seq}</nSeqEvento><verEvento>1.00</verEvento><detEvento versao=\"1.00\">{detail}</detEvento></infEvento></evento>";
        var signed = SefazSession.WithoutDeclaration(NfeSigner.Sign(evento, TestCertificates.Issuer, "infEvento"));
        if (tamper) signed = signed.Replace("Pedido cancelado", "Pedido recusado");
        return sefaz.CallAsync("NFeRecepcaoEvento4", $"<envEvento xmlns=\"{Nfe.NamespaceName}\" versao=\"1.00\"><idLote>1</idLote>{signed}</envEvento>");
    }
}
