using System.Diagnostics;
using TrayBridge.SefazSimulator.Admin;
using TrayBridge.SefazSimulator.Faults;
using TrayBridge.SefazSimulator.Hosting;
using TrayBridge.SefazSimulator.Services;

namespace TrayBridge.SefazSimulator.Soap;

/// <summary>
/// The web services at paths shaped like the real ones: <c>/ws/{Service}/{Service}.asmx</c> (SVRS style, any folder name)
/// and <c>/ws/{service}.asmx</c> (SP style), case-insensitive. POST only, <c>application/soap+xml</c>.
/// </summary>
public static class SoapEndpoints
{
    public static void MapSoapServices(this WebApplication app)
    {
        app.MapPost("/ws/{folder}/{file}.asmx", (string file, HttpContext http) => HandleAsync(file, http));
        app.MapPost("/ws/{file}.asmx", (string file, HttpContext http) => HandleAsync(file, http));
    }

    private static async Task HandleAsync(string file, HttpContext http)
    {
        var services = http.RequestServices;
        var service = services.GetServices<ISefazService>().FirstOrDefault(s => string.Equals(s.Name, file, StringComparison.OrdinalIgnoreCase));
        var faults = services.GetRequiredService<FaultState>();
        var clock = services.GetRequiredService<SimulatorClock>();
        var started = Stopwatch.StartNew();
        var at = clock.GetUtcNow();
        LoggedRequest Log(int status, Processing.SoapAnswer? answer, string? detail = null) =>
            new(at, service?.Name ?? file, status, answer?.Status.Code, answer?.Status.Reason, detail ?? answer?.Detail,
                http.Connection.ClientCertificate?.Subject, started.ElapsedMilliseconds);
        var log = services.GetRequiredService<RequestLog>();

        if (service is null)
        {
            await WriteFaultAsync(http, 404, "Sender", $"No web service {file} here.");
            log.Add(Log(404, null, "unknown service"));
            return;
        }
        if (!(http.Request.ContentType ?? "").StartsWith("application/soap+xml", StringComparison.OrdinalIgnoreCase))
        {
            await WriteFaultAsync(http, 415, "Sender", "SOAP 1.2 only: Content-Type application/soap+xml.");
            log.Add(Log(415, null, $"content type {http.Request.ContentType}"));
            return;
        }
        if (faults.Faults.DelayMs > 0) await Task.Delay(faults.Faults.DelayMs, http.RequestAborted);
        // Down: the status service still answers (108/109); the others fail as an unreachable backend does.
        if (faults.IsDown && service is not StatusServico)
        {
            await WriteFaultAsync(http, 503, "Receiver", "Serviço indisponível (simulated outage).");
            log.Add(Log(503, null, "down"));
            return;
        }
        // Decided on arrival: faults cleared while this request is processed must not turn its withheld answer into a sent one.
        var withheld = faults.TimesOut();
        var body = await new StreamReader(http.Request.Body).ReadToEndAsync(http.RequestAborted);
        Processing.SoapAnswer answer;
        try
        {
            var payload = SoapEnvelope.ReadPayload(body, service.Name);
            if (payload.LocalName != service.Message)
                throw new SoapFaultException("Sender", $"{service.Name} takes {service.Message}, not {payload.LocalName}.");
            answer = service.Handle(payload, clock.GetUtcNow());
        }
        catch (SoapFaultException e)
        {
            await WriteFaultAsync(http, 400, e.Code, e.Message);
            log.Add(Log(400, null, e.Message));
            return;
        }
        if (withheld)
        {
            // Processed, never answered: the caller's timeout decides when it gives up; then the connection is cut.
            log.Add(Log(0, answer, "timeout fault: answer withheld"));
            await WithholdAsync(http);
            return;
        }
        // The ledger keeps the true digest; only this answer lies, as a stub or a tampering proxy would.
        if (faults.Faults.WrongDigVal)
            foreach (var digVal in answer.Message.Descendants(Messages.Nfe + "digVal"))
                digVal.Value = Convert.ToBase64String(System.Security.Cryptography.SHA1.HashData(Convert.FromBase64String(digVal.Value)));
        http.Response.ContentType = SoapEnvelope.ContentType;
        await http.Response.WriteAsync(SoapEnvelope.Result(service.Name, answer.Message), http.RequestAborted);
        log.Add(Log(200, answer));
    }

    private static async Task WithholdAsync(HttpContext http)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(5), http.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The caller gave up, as intended.
        }
        http.Abort();
    }

    private static Task WriteFaultAsync(HttpContext http, int status, string code, string reason)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = SoapEnvelope.ContentType;
        return http.Response.WriteAsync(SoapEnvelope.Fault(code, reason));
    }
}
