namespace TrayBridge.Invoicing.Features.Danfe;

/// <summary>The first page's cálculo do imposto: the note's ICMSTot in the DANFE's two rows of seven.</summary>
public static class DanfeTaxes
{
    public const double Height = 8 + 2 * DanfeCanvas.RowHeight;

    private static readonly (string Caption, string Total)[][] Rows =
    [
        [("BASE DE CÁLC. DO ICMS", "vBC"), ("VALOR DO ICMS", "vICMS"), ("BASE DE CÁLC. ICMS S.T.", "vBCST"), ("VALOR DO ICMS SUBST.", "vST"),
            ("V. ICMS UF REMET.", "vICMSUFRemet"), ("V. FCP UF DEST.", "vFCPUFDest"), ("V. TOTAL PRODUTOS", "vProd")],
        [("VALOR DO FRETE", "vFrete"), ("VALOR DO SEGURO", "vSeg"), ("DESCONTO", "vDesc"), ("OUTRAS DESPESAS", "vOutro"),
            ("VALOR TOTAL DO IPI", "vIPI"), ("V. ICMS UF DEST.", "vICMSUFDest"), ("V. TOTAL DA NOTA", "vNF")],
    ];

    public static double Draw(DanfeCanvas canvas, DanfeNote note, double y)
    {
        y = canvas.Title(y, "CÁLCULO DO IMPOSTO");
        // Seven cells over 559 pt: six of 80 and the total's column takes the rest.
        foreach (var row in Rows)
            y = canvas.Row(y, [.. row.Select((cell, i) =>
                new DanfeCell(cell.Caption, DanfeFormat.Money(note.Total(cell.Total)), i < 6 ? 80 : DanfeCanvas.Width - 480, AlignRight: true))]);
        return y;
    }
}
