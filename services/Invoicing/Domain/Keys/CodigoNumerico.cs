using System.Globalization;
using System.Security.Cryptography;

namespace TrayBridge.Invoicing.Domain.Keys;

/// <summary>The cNF, the key's random part. Drawn once with a CSPRNG and then persisted with the number: a resend must
/// keep the same key, or SEFAZ answers 539 (nfe.md §4.7).</summary>
public static class CodigoNumerico
{
    /// <summary>A fresh cNF that passes <see cref="IsValid"/> for note <paramref name="number"/>.</summary>
    public static string New(int number)
    {
        while (true)
        {
            var cnf = RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("00000000", CultureInfo.InvariantCulture);
            if (IsValid(cnf, number)) return cnf;
        }
    }

    /// <summary>NT 2019.001 rule B03-10: 8 digits, not the note's number, not one repeated digit, not an ascending run
    /// (12345678 … 90123456, 01234567), as sped-common's <c>Keys::cNFIsValid</c> lists them.</summary>
    public static bool IsValid(string? cnf, int number)
    {
        if (cnf is not { Length: 8 } || !cnf.All(char.IsAsciiDigit)) return false;
        if (cnf == number.ToString("00000000", CultureInfo.InvariantCulture)) return false;
        if (cnf.All(c => c == cnf[0])) return false;
        var ascending = Enumerable.Range(1, 7).All(i => cnf[i] - '0' == (cnf[i - 1] - '0' + 1) % 10);
        return !ascending;
    }
}
