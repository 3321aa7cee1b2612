namespace TrayBridge.IntegrationTests;

/// <summary>One running system for the test classes that only add data of their own (their own tenants and Tray stores)
/// and never stop a host or move a clock: each system costs seven host starts.</summary>
[CollectionDefinition(nameof(SharedSystem))]
public sealed class SharedSystem : ICollectionFixture<SystemFixture>;
