using Juso.Portal.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Juso.Tests.Security;

/// <summary>What the portal accepts as its directory configuration, checked when its services are registered.</summary>
public sealed class DirectoryConfigurationTests
{
    [Fact]
    public void AddJusoPortal_PlainHttpMetadataFromARemoteDirectory_RefusesToStart()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Register("http://login.example.lg.jp/realms/city"));

        Assert.Contains("loopback", error.Message);
    }

    [Fact]
    public void AddJusoPortal_PlainHttpMetadataFromLoopback_IsAccepted()
    {
        Register("http://127.0.0.1:5999/");
    }

    private static void Register(string authority)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Authentication:OpenIdConnect:Authority"] = authority,
            ["Authentication:OpenIdConnect:ClientId"] = "juso",
            ["Authentication:OpenIdConnect:RequireHttpsMetadata"] = "false",
        }).Build();
        new ServiceCollection().AddLogging().AddJusoPortal(configuration, Path.GetTempPath());
    }
}
