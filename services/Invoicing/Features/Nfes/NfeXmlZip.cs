using System.IO.Compression;
using System.Text;

namespace TrayBridge.Invoicing.Features.Nfes;

/// <summary>A cancelled note's XML files in one zip, as ERPs hand them to accountants: the nfeProc and, beside it, each
/// registered event's procEventoNFe (the cancellation's and every carta de correção's), each file as SEFAZ's layout has it.</summary>
public static class NfeXmlZip
{
    public static byte[] Of(NfeRecord note)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, $"{note.Key}-nfe.xml", note.NfeProc!);
            if (note.CancellationProc is { } cancellation) Add(zip, $"{note.Key}-cancelamento.xml", cancellation);
            foreach (var correction in note.Corrections) Add(zip, $"{note.Key}-cce-{correction.Sequence}.xml", correction.ProcEvento);
        }
        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string xml)
    {
        // A fixed time: the same note always gives the same bytes.
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var stream = entry.Open();
        stream.Write(Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + xml));
    }
}
