using System.Text;
using System.Xml;
using TrayBridge.Invoicing.Domain;
using TrayBridge.Invoicing.Domain.Keys;
using TrayBridge.Invoicing.Domain.Lots;
using TrayBridge.Invoicing.Domain.Orders;
using TrayBridge.Invoicing.Domain.Signing;

namespace TrayBridge.Invoicing.Tests;

/// <summary>enviNFe lots: at most 50 notes and 500 KB, indSinc 1 only for a single note, every lot XSD-valid with its
/// notes' signatures intact.</summary>
public sealed class LotBuilderTests
{
    [Fact]
    public void Sixty_notes_go_in_a_lot_of_50_and_one_of_10_in_number_order()
    {
        var notes = Notes(60, items: 1);
        var ids = new Queue<string>(["101", "102"]);

        var lots = new LotBuilder().Split(notes, ids.Dequeue);

        Assert.Equal([50, 10], lots.Select(l => l.Notes.Count));
        Assert.Equal(["101", "102"], lots.Select(l => l.IdLote));
        Assert.All(lots, lot => Assert.False(lot.Synchronous));
        Assert.Equal(notes, lots.SelectMany(l => l.Notes));
        Assert.All(lots, lot => Assert.Contains("<indSinc>0</indSinc>", lot.Xml));
        ValidAndSigned(lots[1]);
    }

    [Fact]
    public void A_single_note_asks_for_a_synchronous_answer()
    {
        var lot = Assert.Single(new LotBuilder().Split(Notes(1, items: 1), () => "7"));

        Assert.True(lot.Synchronous);
        Assert.StartsWith("<enviNFe xmlns=\"http://www.portalfiscal.inf.br/nfe\" versao=\"4.00\"><idLote>7</idLote><indSinc>1</indSinc><NFe", lot.Xml);
        ValidAndSigned(lot);
    }

    [Fact]
    public void Large_notes_are_split_to_stay_under_500_KB()
    {
        // Notes of 130 items are about 100 KB each: four or five fit in 500 000 bytes, so 11 need three lots or more.
        var notes = Notes(11, items: 130);
        var lotId = 0;

        var lots = new LotBuilder().Split(notes, () => (++lotId).ToString());

        Assert.All(lots, lot => Assert.True(lot.Bytes <= 500_000, $"lot {lot.IdLote} has {lot.Bytes} bytes"));
        Assert.InRange(Encoding.UTF8.GetByteCount(notes[0]), 84_000, 125_000);
        Assert.True(lots.Count >= 3);
        Assert.All(lots.SkipLast(1), lot => Assert.True(lot.Bytes + Encoding.UTF8.GetByteCount(notes[0]) > 500_000 - 200, "a lot was closed while another note fitted"));
        Assert.Equal(notes, lots.SelectMany(l => l.Notes));
        ValidAndSigned(lots[0]);
    }

    [Fact]
    public void Limits_are_settings_and_a_note_too_big_for_any_lot_is_refused()
    {
        var notes = Notes(7, items: 1);
        var size = Encoding.UTF8.GetByteCount(notes[0]);

        Assert.Equal([3, 3, 1], new LotBuilder(maxNotes: 3).Split(notes, () => "1").Select(l => l.Notes.Count));
        Assert.Equal([2, 2, 2, 1], new LotBuilder(maxBytes: 2 * size + 200).Split(notes, () => "1").Select(l => l.Notes.Count));
        Assert.Throws<NfeDataException>(() => new LotBuilder(maxBytes: size).Split(notes, () => "1"));
        Assert.Throws<ArgumentException>(() => LotBuilder.Lot("1234567890123456", notes));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LotBuilder(maxNotes: 51));
        Assert.Empty(new LotBuilder().Split([], () => "1"));
    }

    private static void ValidAndSigned(NfeLot lot)
    {
        Assert.Empty(SchemaFolders.Validator(NfeSchemaPackage.Pl009V4).Validate(lot.Xml));
        var document = new XmlDocument { PreserveWhitespace = true };
        document.LoadXml(lot.Xml);
        foreach (XmlElement nfe in document.GetElementsByTagName("NFe", "http://www.portalfiscal.inf.br/nfe")) NfeSignature.Verify(nfe);
    }

    private static List<string> Notes(int count, int items)
    {
        var lines = Enumerable.Range(1, items)
            .Select(i => new NfeOrderItem(i, $"SKU-{i:000}", $"PRODUTO DE TESTE COM DESCRICAO LONGA NUMERO {i}", "61091000", 1 + i % 3, 10m + i, Freight: 1.11m))
            .ToList();
        var certificate = TestCertificates.For(Samples.Cnpj);
        return [.. Enumerable.Range(1, count).Select(number => NfeSigner.Sign(
            Samples.Builder.Build(Samples.Tshirts() with { Items = lines }, Samples.SimplesNacional, Samples.Identity(number)).Xml, certificate))];
    }
}
