using PdfSharp.Pdf.IO;
using SkiaSharp;
using TrayBridge.Invoicing.Domain.Emitters;
using TrayBridge.Invoicing.Domain.Orders;
using TrayBridge.Invoicing.Features.Danfe;
using ZXing;

namespace TrayBridge.Invoicing.Tests;

/// <summary>The DANFE of an authorized note, read back as a recipient would: its text with pdftotext, and its barcode
/// scanned from page 1 rendered at 300 dpi by pdftoppm — it must give back the note's access key.</summary>
public sealed class DanfeTests
{
    [Fact]
    public void The_DANFE_prints_the_key_in_groups_the_number_the_parties_the_protocol_and_the_total()
    {
        var (nfeProc, document) = AuthorizedNotes.Build();

        var text = Poppler.Text(DanfeRenderer.Render(nfeProc));

        Assert.Contains(DanfeFormat.Key(document.Key.Value), text);
        Assert.Contains("Nº 000.001.234", text);
        Assert.Contains("SÉRIE 001", text);
        Assert.Contains("FOLHA 1/1", text);
        Assert.Contains("LOJA EXEMPLO LTDA", text);
        Assert.Contains("11.222.333/0001-81", text);
        Assert.Contains("NF-E EMITIDA EM AMBIENTE DE HOMOLOGACAO - SEM VALOR FISCAL", text);
        Assert.Contains("123.456.789-09", text);
        Assert.Contains($"{AuthorizedNotes.Protocol} - 15/01/2024 10:31:00", text);
        Assert.Contains("CAMISETA ALGODAO", text);
        Assert.Contains("109,80", text);
        Assert.Contains("Pedido 1001", text);
        Assert.Contains("0 - Por conta do Remetente (CIF)", text);
        Assert.Contains("www.nfe.fazenda.gov.br/portal", text);
        // The watermark, besides the recipient name SEFAZ demands in homologação.
        Assert.Matches("(?<!HOMOLOGACAO - )SEM VALOR FISCAL", text);
    }

    [Fact]
    public void A_producao_note_has_the_recipients_own_name_and_no_watermark()
    {
        var (nfeProc, _) = AuthorizedNotes.Build(emitter: Samples.SimplesNacional with { Environment = NfeEnvironment.Producao });

        var text = Poppler.Text(DanfeRenderer.Render(nfeProc));

        Assert.Contains("MARIA DA SILVA", text);
        Assert.DoesNotContain("SEM VALOR FISCAL", text);
    }

    // Issue 13: the accountant's copy of a cancelled note must not pass for a valid one.
    [Fact]
    public void A_cancelled_notes_DANFE_is_marked_CANCELADA_and_an_authorized_ones_is_not()
    {
        var (nfeProc, _) = AuthorizedNotes.Build();

        Assert.Contains("NF-E CANCELADA", Poppler.Text(DanfeRenderer.Render(nfeProc, cancelled: true)));
        Assert.DoesNotContain("CANCELADA", Poppler.Text(DanfeRenderer.Render(nfeProc)));
    }

    [Fact]
    public void The_barcode_scanned_from_the_rendered_page_is_the_access_key()
    {
        var (nfeProc, document) = AuthorizedNotes.Build(number: 1234);

        Assert.Equal(document.Key.Value, ScanFirstPage(DanfeRenderer.Render(nfeProc)));
    }

    [Fact]
    public void Another_note_scans_as_its_own_key()
    {
        var (first, firstDocument) = AuthorizedNotes.Build(number: 1234);
        var (second, secondDocument) = AuthorizedNotes.Build(number: 98765);

        var scanned = ScanFirstPage(DanfeRenderer.Render(second));

        Assert.Equal(secondDocument.Key.Value, scanned);
        Assert.NotEqual(firstDocument.Key.Value, scanned);
        Assert.NotEqual(ScanFirstPage(DanfeRenderer.Render(first)), scanned);
    }

    [Fact]
    public void An_all_digit_key_is_encoded_in_code_set_C_from_start_to_stop()
    {
        var modules = DanfeBarcode.Modules(AuthorizedNotes.Build().Document.Key.Value);

        // Start C is 2-1-1-2-3-2 (11010011100); then 22 digit pairs, the check symbol and the 13-module stop.
        Assert.Equal("11010011100", string.Concat(modules.Take(11).Select(bar => bar ? '1' : '0')));
        Assert.Equal(11 + 22 * 11 + 11 + 13, modules.Length);
    }

    [Fact]
    public void Items_beyond_the_first_page_continue_on_the_next_with_folha_x_of_y_and_long_descriptions_are_shortened()
    {
        var count = DanfeRenderer.FirstPageItems + 3;
        var longName = "CAMISETA ALGODAO PENTEADO FIO 30 MANGA LONGA GOLA CARECA ESTAMPA EXCLUSIVA COLECAO VERAO TAMANHO EXTRA GRANDE COR AZUL";
        var items = Enumerable.Range(1, count).Select(line =>
            new NfeOrderItem(line, $"SKU-{line:000}", line == 1 ? longName : $"PRODUTO {line:000}", "61091000", 1, 10m)).ToList();
        var (nfeProc, _) = AuthorizedNotes.Build(order: Samples.Tshirts() with { Items = items });

        var pdf = DanfeRenderer.Render(nfeProc);
        var text = Poppler.Text(pdf);

        using (var read = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import)) Assert.Equal(2, read.PageCount);
        Assert.Contains("FOLHA 1/2", text);
        Assert.Contains("FOLHA 2/2", text);
        Assert.Contains($"SKU-{count:000}", text);
        Assert.Contains("CAMISETA ALGODAO PENTEADO", text);
        Assert.DoesNotContain(longName, text);
        Assert.Contains("…", text);
    }

    /// <summary>pdftoppm renders page 1 at 300 dpi; ZXing, told to look for Code 128 only, reads the whole page's grey
    /// levels.</summary>
    private static string? ScanFirstPage(byte[] pdf)
    {
        var png = Poppler.FirstPagePng(pdf, dpi: 300);
        using var bitmap = SKBitmap.Decode(png);
        var gray = bitmap.Pixels.Select(p => (byte)((p.Red * 299 + p.Green * 587 + p.Blue * 114) / 1000)).ToArray();
        var reader = new BarcodeReaderGeneric { Options = { PossibleFormats = [BarcodeFormat.CODE_128], TryHarder = true } };
        return reader.Decode(new RGBLuminanceSource(gray, bitmap.Width, bitmap.Height, RGBLuminanceSource.BitmapFormat.Gray8))?.Text;
    }
}
