namespace ServiceQuality.Samples.Tests;

/// <summary>
/// The WebApi's <c>Orleans</c> section (<c>OrleansSettings</c>), as the app reads it at start with <c>Backend=Orleans</c>:
/// a bad section stops the app before it serves anything, with every problem and what is valid, in one message.
/// </summary>
public sealed class OrleansSettingsTests
{
    [Fact]
    public async Task Validate_AdoNetWithoutConnectionStringAndWithPorts_StopsTheAppNamingBoth()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => WebApiProcess.StartAsync(new Dictionary<string, string>
        {
            ["Backend"] = "Orleans",
            ["Orleans:Membership"] = "AdoNet",
            ["Orleans:GatewayPorts:0"] = "30000",
        }));

        Assert.Contains("Orleans:ConnectionString is blank, and Orleans:Membership is AdoNet; valid: the Npgsql connection string of the database holding the silos' Orleans membership table.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Orleans:GatewayPorts is set, and Orleans:Membership is AdoNet, which reads the gateways from the membership table; valid: set one of them.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_UnknownMembership_StopsTheAppListingTheValidOnes()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => WebApiProcess.StartAsync(new Dictionary<string, string>
        {
            ["Backend"] = "Orleans",
            ["Orleans:Membership"] = "Consul",
        }));

        Assert.Contains("Orleans:Membership is 'Consul'; valid: Localhost (the loopback ports Orleans:GatewayPorts, the default) or AdoNet (the ADO.NET membership table in PostgreSQL, Orleans:ConnectionString).", ex.Message, StringComparison.Ordinal);
    }
}
