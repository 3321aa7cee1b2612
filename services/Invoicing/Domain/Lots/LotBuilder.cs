using System.Text;

namespace TrayBridge.Invoicing.Domain.Lots;

/// <summary>
/// Groups signed notes into <c>enviNFe</c> lots (nfe.md §4.2): at most 50 notes and 500 KB per message, in the given
/// order so consecutive numbers travel together. A lot of one note asks for a synchronous answer (<c>indSinc</c> 1,
/// NT 2025.001), larger ones for a receipt. Each note goes in as signed, byte for byte, so its signature holds.
/// </summary>
/// <param name="maxBytes">500 000 by default: "500 KB" read in the stricter, decimal sense, which also leaves room for
/// the SOAP envelope under 500 × 1024.</param>
public sealed class LotBuilder(int maxNotes = 50, int maxBytes = 500_000)
{
    private const string Namespace = "http://www.portalfiscal.inf.br/nfe";

    private readonly int maxNotes = maxNotes is >= 1 and <= 50
        ? maxNotes : throw new ArgumentOutOfRangeException(nameof(maxNotes), maxNotes, "enviNFe holds 1 to 50 notes.");

    /// <param name="nextLotId">Gives each lot's <c>idLote</c> (1 to 15 digits), e.g. from a sequence.</param>
    /// <exception cref="NfeDataException">One note alone is larger than a lot may be.</exception>
    public IReadOnlyList<NfeLot> Split(IReadOnlyList<string> signedNfes, Func<string> nextLotId)
    {
        var lots = new List<NfeLot>();
        var current = new List<string>();
        var currentBytes = 0;
        foreach (var note in signedNfes.Select(WithoutDeclaration))
        {
            var bytes = Encoding.UTF8.GetByteCount(note);
            if (Envelope(1) + bytes > maxBytes)
                throw new NfeDataException($"Uma nota de {bytes} bytes não cabe num lote de no máximo {maxBytes} bytes");
            if (current.Count == maxNotes || Envelope(current.Count + 1) + currentBytes + bytes > maxBytes)
            {
                lots.Add(Lot(nextLotId(), current));
                (current, currentBytes) = ([], 0);
            }
            current.Add(note);
            currentBytes += bytes;
        }
        if (current.Count > 0) lots.Add(Lot(nextLotId(), current));
        return lots;
    }

    /// <summary>One lot of 1 to 50 notes, as given.</summary>
    public static NfeLot Lot(string idLote, IReadOnlyList<string> signedNfes)
    {
        if (idLote is not { Length: >= 1 and <= 15 } || !idLote.All(char.IsAsciiDigit))
            throw new ArgumentException($"idLote '{idLote}' must be 1 to 15 digits.", nameof(idLote));
        if (signedNfes.Count is 0 or > 50) throw new ArgumentException("A lot has 1 to 50 notes.", nameof(signedNfes));
        var synchronous = signedNfes.Count == 1;
        var xml = Open(idLote, synchronous) + string.Concat(signedNfes.Select(WithoutDeclaration)) + Close;
        return new NfeLot(idLote, synchronous, [.. signedNfes.Select(WithoutDeclaration)], xml);
    }

    private const string Close = "</enviNFe>";

    private static string Open(string idLote, bool synchronous) =>
        $"<enviNFe xmlns=\"{Namespace}\" versao=\"4.00\"><idLote>{idLote}</idLote><indSinc>{(synchronous ? 1 : 0)}</indSinc>";

    // The longest id, so a lot is never measured smaller than it will be.
    private static int Envelope(int count) => Encoding.UTF8.GetByteCount(Open(new string('9', 15), count == 1) + Close);

    private static string WithoutDeclaration(string xml)
    {
        var text = xml.TrimStart('\uFEFF', ' ', '\r', '\n', '\t');
        return text.StartsWith("<?xml", StringComparison.Ordinal) ? text[(text.IndexOf("?>", StringComparison.Ordinal) + 2)..].TrimStart() : text;
    }
}
