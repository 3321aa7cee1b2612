namespace TrayBridge.Invoicing.Domain.Keys;

/// <summary>The schema package the notes must satisfy (nfe.md status note). Both keep layout 4.00; PL_010 adds the
/// tax-reform groups and widens CNPJ fields and the key to letters (alphanumeric CNPJ).</summary>
public enum NfeSchemaPackage
{
    /// <summary>PL_009_V4, the classic 4.00 package: CNPJs and keys are digits only.</summary>
    Pl009V4,
    /// <summary>PL_010_V1.30 (NT 2025.002-RTC, NT Conjunta 2025.001).</summary>
    Pl010V130,
}

public static class NfeSchemaPackages
{
    /// <summary>The package's folder name as published (and under <c>shared/nfe-schemas/</c>).</summary>
    public static string FolderName(this NfeSchemaPackage package) => package switch
    {
        NfeSchemaPackage.Pl009V4 => "PL_009_V4",
        NfeSchemaPackage.Pl010V130 => "PL_010_V1.30",
        _ => throw new ArgumentOutOfRangeException(nameof(package), package, null),
    };

    public static bool AcceptsAlphanumericCnpj(this NfeSchemaPackage package) => package != NfeSchemaPackage.Pl009V4;

    /// <summary>Refuses an alphanumeric CNPJ where the package cannot carry it, naming the field and the fix.</summary>
    public static void EnsureAccepts(this NfeSchemaPackage package, string cnpj, string field)
    {
        if (cnpj.Any(char.IsAsciiLetter) && !package.AcceptsAlphanumericCnpj())
            throw new NfeDataException(
                $"{field} {cnpj} é um CNPJ alfanumérico, que os schemas {package.FolderName()} não aceitam " +
                "(só dígitos); emita pelo pacote PL_010.");
    }
}
