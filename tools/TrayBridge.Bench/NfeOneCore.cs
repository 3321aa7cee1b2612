using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using TrayBridge.Invoicing.Domain.Building;
using TrayBridge.Invoicing.Domain.Emitters;
using TrayBridge.Invoicing.Domain.Keys;
using TrayBridge.Invoicing.Domain.Orders;
using TrayBridge.Invoicing.Domain.Schemas;
using TrayBridge.Invoicing.Domain.Signing;
using TrayBridge.TestSupport;

namespace TrayBridge.Bench;

/// <summary>Notes per second that one core builds, signs (RSA-SHA1, C14N, an A1 certificate's 2048-bit key) and validates
/// against the official schema, as Invoicing does for each note of a batch: BenchmarkDotNet in process, the process held
/// to one core while it runs, no SEFAZ and no database.</summary>
public static class NfeOneCore
{
    public static BenchFigure Measure(string folder, bool quick)
    {
        var job = (quick
                ? Job.Dry.WithWarmupCount(1).WithIterationCount(3).WithInvocationCount(8).WithUnrollFactor(1)
                : Job.Default.WithWarmupCount(3).WithIterationCount(15))
            .WithToolchain(InProcessEmitToolchain.Instance);
        var config = ManualConfig.CreateMinimumViable().AddJob(job).WithArtifactsPath(Path.Combine(folder, "benchmarkdotnet"))
            // A Debug build (the CI test's) still runs; build.ps1 bench builds Release, whose figure is the one to quote.
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var process = Process.GetCurrentProcess();
        // Held to one core where the OS can (Linux, Windows); elsewhere the figure is still one thread's.
        nint? cores = null;
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            cores = process.ProcessorAffinity;
            process.ProcessorAffinity = 1;
        }
        var pinned = cores is not null;
        try
        {
            var summary = BenchmarkRunner.Run<NfeNoteBenchmark>(config);
            var report = summary.Reports.Single();
            var meanNs = report.ResultStatistics?.Mean ?? throw new InvalidOperationException("BenchmarkDotNet measured nothing: " + string.Join("; ", summary.ValidationErrors.Select(e => e.Message)));
            return new BenchFigure("NF-e built + signed + schema-validated, one core (notes/s)", 1e9 / meanNs, "notes/s", new Dictionary<string, double>
            {
                ["meanMs"] = meanNs / 1e6, ["oneCore"] = pinned ? 1 : 0, ["stdDevMs"] = report.ResultStatistics.StandardDeviation / 1e6, ["iterations"] = report.ResultStatistics.N,
                ["optimizedBuild"] = typeof(NfeBuilder).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false)
                    .OfType<DebuggableAttribute>().Any(d => d.IsJITOptimizerDisabled) ? 0 : 1,
            });
        }
        finally
        {
            if (cores is { } all && (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())) process.ProcessorAffinity = all;
        }
    }
}

/// <summary>One note of a three-item sale to a consumer in another state, numbered anew each time (as a batch numbers them).</summary>
public class NfeNoteBenchmark
{
    private static readonly NfeAddress SaoPaulo = new("RUA DAS FLORES", "100", null, "CENTRO", "3550308", "SAO PAULO", "SP", "01001000");
    private static readonly Emitter Emitter = new(InvoicingSteps.EmitterCnpj, "123456789012", "LOJA EXEMPLO LTDA", SaoPaulo, Crt.SimplesNacional, 1,
        NfeEnvironment.Homologacao);
    private static readonly NfeOrder Order = new("1001",
        new NfeRecipient("MARIA DA SILVA", "12345678909",
            new NfeAddress("AV ATLANTICA", "1500", "APTO 801", "COPACABANA", "3304557", "RIO DE JANEIRO", "RJ", "22021001"), Email: "cliente@example.com"),
        [
            new NfeOrderItem(1, "SKU-001", "CAMISETA ALGODAO", "61091000", 2, 49.90m, Freight: 5.00m),
            new NfeOrderItem(2, "SKU-002", "CALCA JEANS", "62034200", 1, 129.90m, Discount: 10.00m, Freight: 5.00m),
            new NfeOrderItem(3, "SKU-003", "MEIA ESPORTIVA", "61159500", 3, 12.50m),
        ],
        new NfePayment(NfePaymentType.CartaoCredito));

    private readonly NfeBuilder _builder = new();
    private readonly NfeSchemaValidator _validator = new(NfeSchemaPackage.Pl009V4);
    private X509Certificate2 _certificate = null!;
    private int _number;

    [GlobalSetup]
    public void Setup()
    {
        _certificate = X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(A1Certificates.Pfx(InvoicingSteps.EmitterCnpj)), A1Certificates.Password,
            X509KeyStorageFlags.EphemeralKeySet);
        // The schema set compiles once per process, as in the service: not a note's cost.
        BuildSignValidate();
    }

    [Benchmark]
    public string BuildSignValidate()
    {
        var document = _builder.Build(Order, Emitter, NfeIdentity.New(1, ++_number, DateTimeOffset.UtcNow));
        var signed = NfeSigner.Sign(document.Xml, _certificate);
        _validator.EnsureValid(signed);
        return signed;
    }
}
