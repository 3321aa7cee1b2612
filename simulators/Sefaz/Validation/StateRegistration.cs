namespace TrayBridge.SefazSimulator.Validation;

/// <summary>
/// Check digits of the inscrição estadual per UF (Sintegra's published routines) for the UFs the simulator knows;
/// another UF's IE is only checked for shape. A failure is rejection 210 for the recipient.
/// </summary>
public static class StateRegistration
{
    public static readonly IReadOnlySet<string> CheckedUfs = new HashSet<string> { "SP", "RJ", "PR", "RS", "MG", "SC" };

    public static bool IsValid(string uf, string ie)
    {
        if (ie.Length is < 2 or > 14 || !ie.All(char.IsAsciiDigit)) return false;
        var d = ie.Select(c => c - '0').ToArray();
        return uf switch
        {
            // 12 digits: 8 + D1 + 2 + D2; each digit is the last digit of the remainder.
            "SP" => d.Length == 12 && Remainder(d[..8], [1, 3, 4, 5, 6, 7, 8, 10]) % 10 == d[8]
                    && Remainder(d[..11], [3, 2, 10, 9, 8, 7, 6, 5, 4, 3, 2]) % 10 == d[11],
            "RJ" => d.Length == 8 && Mod11(d[..7], [2, 7, 6, 5, 4, 3, 2]) == d[7],
            "PR" => d.Length == 10 && Mod11(d[..8], [3, 2, 7, 6, 5, 4, 3, 2]) == d[8]
                    && Mod11(d[..9], [4, 3, 2, 7, 6, 5, 4, 3, 2]) == d[9],
            "RS" => d.Length == 10 && Mod11(d[..9], [2, 9, 8, 7, 6, 5, 4, 3, 2]) == d[9],
            "SC" => d.Length == 9 && Mod11(d[..8], [9, 8, 7, 6, 5, 4, 3, 2]) == d[8],
            "MG" => d.Length == 13 && MinasFirst(d) == d[11]
                    && Mod11(d[..12], [3, 2, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2]) == d[12],
            _ => true,
        };
    }

    private static int Remainder(int[] digits, int[] weights) => digits.Select((x, i) => x * weights[i]).Sum() % 11;

    // 11 − remainder, 0 when that is 10 or 11 (the usual rule of the modulo-11 states).
    private static int Mod11(int[] digits, int[] weights)
    {
        var remainder = Remainder(digits, weights);
        return remainder < 2 ? 0 : 11 - remainder;
    }

    // MG's first digit: a 0 goes after the 3-digit municipality code, weights 1,2,1,2…, the digits of each product are
    // added, and the digit is what takes the sum to the next multiple of ten.
    private static int MinasFirst(int[] d)
    {
        var digits = d[..3].Append(0).Concat(d[3..11]).ToArray();
        var sum = digits.Select((x, i) => x * (i % 2 == 0 ? 1 : 2)).Sum(p => p / 10 + p % 10);
        return (10 - sum % 10) % 10;
    }
}
