using TrayBridge.EventCatalog;

// `build.ps1 events` (and the catalogue test) write docs/events from the contracts assembly and its XML documentation.
var folder = args.FirstOrDefault() ?? Path.Combine("docs", "events");
Directory.CreateDirectory(folder);
foreach (var (name, text) in Catalogue.Render()) await File.WriteAllTextAsync(Path.Combine(folder, name), text);
Console.WriteLine($"Event catalogue written to {Path.GetFullPath(folder)}");
