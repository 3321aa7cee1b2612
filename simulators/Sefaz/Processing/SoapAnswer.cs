using System.Xml.Linq;
using TrayBridge.SefazSimulator.Validation;

namespace TrayBridge.SefazSimulator.Processing;

/// <summary>A service's answer: the message for nfeResultMsg, and for the request log its cStat and what went wrong.</summary>
public sealed record SoapAnswer(XElement Message, Status Status, string? Detail = null);
