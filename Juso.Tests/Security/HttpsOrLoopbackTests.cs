using System.Net;
using Juso.Portal.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Juso.Tests.Security;

/// <summary>Outside Development plain HTTP is served only to this machine (run.sh); /health stays open for load balancers.</summary>
public sealed class HttpsOrLoopbackTests
{
    [Theory]
    [InlineData("192.0.2.10", "http", "/account/login", StatusCodes.Status400BadRequest)]
    [InlineData("192.0.2.10", "https", "/account/login", StatusCodes.Status200OK)]
    [InlineData("127.0.0.1", "http", "/account/login", StatusCodes.Status200OK)]
    [InlineData("::1", "http", "/cases/1", StatusCodes.Status200OK)]
    [InlineData("192.0.2.10", "http", "/health", StatusCodes.Status200OK)]
    public async Task UseHttpsOrLoopback_SchemeAndClient_RefusesOnlyPlainHttpFromElsewhere(string client, string scheme, string path, int expected)
    {
        var app = new ApplicationBuilder(new ServiceCollection().BuildServiceProvider());
        app.UseHttpsOrLoopback();
        app.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            return Task.CompletedTask;
        });
        var request = new DefaultHttpContext();
        request.Request.Scheme = scheme;
        request.Request.Path = path;
        request.Connection.RemoteIpAddress = IPAddress.Parse(client);
        request.Response.Body = new MemoryStream();

        await app.Build()(request);

        Assert.Equal(expected, request.Response.StatusCode);
    }
}
