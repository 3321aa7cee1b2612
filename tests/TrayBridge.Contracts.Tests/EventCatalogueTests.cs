using MassTransit;
using TrayBridge.Contracts;
using TrayBridge.EventCatalog;
using YamlDotNet.Serialization;

namespace TrayBridge.Contracts.Tests;

/// <summary>docs/events is generated from the contracts: a contract changed without regenerating it fails here.</summary>
public sealed class EventCatalogueTests
{
    [Fact]
    public void The_committed_catalogue_is_what_the_generator_makes_of_todays_contracts()
    {
        foreach (var (name, text) in Catalogue.Render())
        {
            var committed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "events", name)).ReplaceLineEndings();
            Assert.True(committed == text.ReplaceLineEndings(),
                $"docs/events/{name} is not what the contracts give: run `dotnet pwsh ./build.ps1 events` and commit the result.");
        }
    }

    [Fact]
    public void Every_published_event_is_a_channel_with_its_exchange_a_publisher_and_an_example()
    {
        var yaml = Catalogue.Render().Single(f => f.Name == "asyncapi.yaml").Text;
        var document = (Dictionary<object, object>)new DeserializerBuilder().Build().Deserialize<object>(yaml)!;
        Assert.Equal("3.0.0", document["asyncapi"]);
        var channels = (Dictionary<object, object>)document["channels"];
        var messages = (Dictionary<object, object>)((Dictionary<object, object>)document["components"])["messages"];
        var events = typeof(ITenantMessage).Assembly.GetExportedTypes()
            .Where(t => t.GetCustomAttributes(typeof(PublishedByAttribute), false).Cast<PublishedByAttribute>().Any(a => a.Role == MessageRole.Event)).ToList();
        Assert.Contains(events, t => t.Name == "NfeIssued");
        Assert.All(events, t =>
        {
            var exchange = ((EntityNameAttribute)t.GetCustomAttributes(typeof(EntityNameAttribute), false).Single()).EntityName;
            Assert.Contains(channels.Values.Cast<Dictionary<object, object>>(), c => (string)c["address"] == exchange);
            var message = (Dictionary<object, object>)messages[t.Name];
            Assert.False(string.IsNullOrWhiteSpace((string)message["summary"]), $"{t.Name} has no summary in its XML documentation");
            Assert.NotEmpty((List<object>)message["examples"]);
        });
        // Every message of the package says who publishes it: the catalogue cannot leave one out.
        Assert.All(typeof(ITenantMessage).Assembly.GetExportedTypes().Where(t => t.GetCustomAttributes(typeof(EntityNameAttribute), false).Length > 0),
            t => Assert.NotEmpty(t.GetCustomAttributes(typeof(PublishedByAttribute), false)));
    }
}
