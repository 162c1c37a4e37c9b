using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.SignalR.Protocol;

/// <summary>
/// A board viewer without a browser: a .NET client of Blazor's circuit hub that does what blazor.web.js does for the
/// board page (as recorded from Chromium's WebSocket frames): it loads the page for its component markers, starts the
/// circuit with them, acknowledges every render batch and answers the page's JS interop calls as the browser did.
/// It applies no DOM: a change has "shown" when a render batch that carries the new text has arrived (a render batch
/// holds its strings as UTF-8), which is what Chromium would apply next. The server's work per circuit is the same as
/// for a page in Chromium; the client's is a small fraction of a renderer's, so that 500 viewers fit on this machine.
/// </summary>
internal sealed partial class ProtocolViewer : IBoardViewer
{
    // What Chromium answered for the board's JS calls that return a value; every other call returns nothing.
    private static readonly Dictionary<string, string> Answers = new()
    {
        ["mudpopoverHelper.countProviders"] = "0",
    };

    private readonly HubConnection _connection;
    private readonly string _baseUrl;
    private readonly TaskCompletionSource _shown = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _gate = new();
    private string _circuit = string.Empty;
    private byte[] _watched = Encoding.UTF8.GetBytes("board-assignments");
    private TaskCompletionSource<double> _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ProtocolViewer(HubConnection connection, string baseUrl)
    {
        _connection = connection;
        _baseUrl = baseUrl;
    }

    /// <summary>Opens the board of <paramref name="meetingId"/> as a new circuit and returns once it has rendered the assignments.</summary>
    public static async Task<ProtocolViewer> OpenAsync(string baseUrl, CookieContainer cookies, int meetingId, TimeSpan timeout)
    {
        var url = $"{baseUrl}/meetings/{meetingId}/board";
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies });
        var html = await http.GetStringAsync(url);
        var state = StateMarker().Match(html).Groups[1].Value;
        var operations = new JsonArray([.. ComponentMarker().Matches(html).Select((m, i) =>
        {
            var marker = JsonNode.Parse(m.Groups[1].Value)!.AsObject();
            marker["uniqueId"] = i;
            return new JsonObject { ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = marker };
        })]);
        if (operations.Count == 0)
        {
            throw new InvalidOperationException($"{url} has no interactive component (signed out?)");
        }

        var builder = new HubConnectionBuilder().WithUrl(baseUrl + "/_blazor", o =>
        {
            o.Cookies = cookies;
            // Chromium offers permessage-deflate, and the portal's memory and CPU per circuit depend on whether it is used.
            o.WebSocketConfiguration = socket => socket.DangerousDeflateOptions = new();
        });
        builder.Services.RemoveAll<IHubProtocol>();
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        var connection = builder.Build();
        var viewer = new ProtocolViewer(connection, baseUrl);
        connection.On<long, byte[]>("JS.RenderBatch", viewer.OnRenderBatch);
        connection.On<long, string, string, int, long, int>("JS.BeginInvokeJS", viewer.OnBeginInvokeJS);
        connection.On<string>("JS.Error", error => viewer._shown.TrySetException(new InvalidOperationException("the circuit failed: " + error)));
        await connection.StartAsync();
        viewer._circuit = await connection.InvokeAsync<string>("StartCircuit", baseUrl + "/", url, "[]", state);
        await connection.SendAsync("UpdateRootComponents", new JsonObject { ["batchId"] = 1, ["operations"] = operations }.ToJsonString(), state);
        await viewer._shown.Task.WaitAsync(timeout);
        return viewer;
    }

    public Task WatchAsync(string text)
    {
        lock (_gate)
        {
            _watched = Encoding.UTF8.GetBytes(text);
            _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        return Task.CompletedTask;
    }

    public async Task<double?> SeenAsync(TimeSpan timeout)
    {
        Task<double> seen;
        lock (_gate)
        {
            seen = _seen.Task;
        }
        try
        {
            return await seen.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    private void OnRenderBatch(long batchId, byte[] batch)
    {
        var at = (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;
        lock (_gate)
        {
            if (batch.AsSpan().IndexOf(_watched) >= 0)
            {
                _seen.TrySetResult(at);
                _shown.TrySetResult();
            }
        }
        _ = _connection.SendAsync("OnRenderCompleted", batchId, (string?)null);
    }

    private void OnBeginInvokeJS(long asyncHandle, string identifier, string argsJson, int resultType, long targetInstanceId, int callType)
    {
        // Handle 0: the server awaits no answer.
        if (asyncHandle != 0)
        {
            var result = Answers.GetValueOrDefault(identifier, "null");
            _ = _connection.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true, $"[{asyncHandle},true,{result}]");
        }
    }

    /// <summary>Ends the circuit as a closing tab does (blazor.web.js's beacon to /_blazor/disconnect), then the connection.</summary>
    public async ValueTask CloseAsync()
    {
        using var http = new HttpClient();
        await http.PostAsync(_baseUrl + "/_blazor/disconnect", new FormUrlEncodedContent([new("circuitId", _circuit)]));
        await _connection.DisposeAsync();
    }

    [GeneratedRegex("<!--Blazor:(\\{.*?\\})-->")]
    private static partial Regex ComponentMarker();

    [GeneratedRegex("<!--Blazor-Server-Component-State:(.*?)-->")]
    private static partial Regex StateMarker();
}
