namespace TrayBridge.Contracts;

/// <summary>What a message is for a subscriber: an event to subscribe to, or one half of a request between two services.</summary>
public enum MessageRole { Event, Request, Response }

/// <summary>The TrayBridge service that publishes (or sends) the message. The event catalogue (<c>docs/events</c>) is
/// generated from it and from the XML documentation: never written by hand.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PublishedByAttribute(string service) : Attribute
{
    public string Service { get; } = service;
    /// <summary>Requests and responses pass between two services through the request client; subscribers bind to events.</summary>
    public MessageRole Role { get; init; } = MessageRole.Event;
}
