using System.Net;
using System.Net.Sockets;
using System.Text;
using Juso.Infrastructure.Messaging;

namespace Juso.Tests.Infrastructure.Messaging;

/// <summary>The MailKit sender against a minimal SMTP server on loopback, and against no server at all.</summary>
public sealed class SmtpMailSenderTests
{
    [Fact]
    public async Task Send_DeliversOnePlainTextMessage_FromTheConfiguredSender()
    {
        using var server = new TinySmtpServer();
        var sender = new SmtpMailSender(Options(server.Port));

        await sender.SendAsync(new OutgoingMail("coordinator@hibarino.example", "[Juso] モニタリング期限切れ（ケース 2026-0012）", "ケース 2026-0012 の支援プラン"), CancellationToken.None);

        var data = await server.Received.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var message = MimeKit.MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(data)));
        Assert.Equal("juso@hibarino.example", message.From.Mailboxes.Single().Address);
        Assert.Equal("coordinator@hibarino.example", message.To.Mailboxes.Single().Address);
        Assert.Equal("[Juso] モニタリング期限切れ（ケース 2026-0012）", message.Subject);
        Assert.Contains("ケース 2026-0012 の支援プラン", message.TextBody);
    }

    [Fact]
    public async Task Send_WithTheServerDown_Throws_SoTheJobIsRetried()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var sender = new SmtpMailSender(Options(port));

        await Assert.ThrowsAnyAsync<Exception>(() => sender.SendAsync(new OutgoingMail("a@hibarino.example", "件名", "本文"), CancellationToken.None));
    }

    private static MailOptions Options(int port) => new()
    {
        From = "juso@hibarino.example",
        Smtp = new SmtpOptions { Host = "127.0.0.1", Port = port, Security = "None", Timeout = TimeSpan.FromSeconds(10) },
    };

    /// <summary>Just enough SMTP for one message: greets, accepts, and hands over the DATA section.</summary>
    private sealed class TinySmtpServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

        public TinySmtpServer()
        {
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _ = Task.Run(ServeAsync);
        }

        public int Port { get; }

        public TaskCompletionSource<string> Received { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private async Task ServeAsync()
        {
            try
            {
                using var client = await _listener.AcceptTcpClientAsync();
                await using var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.UTF8);
                await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 localhost ESMTP");
                while (await reader.ReadLineAsync() is { } line)
                {
                    var command = line.Split(' ')[0].ToUpperInvariant();
                    if (command is "EHLO" or "HELO")
                    {
                        await writer.WriteLineAsync("250-localhost");
                        await writer.WriteLineAsync("250 8BITMIME");
                    }
                    else if (command == "DATA")
                    {
                        await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }
                        await writer.WriteLineAsync("250 queued");
                        Received.TrySetResult(data.ToString());
                    }
                    else if (command == "QUIT")
                    {
                        await writer.WriteLineAsync("221 bye");
                        return;
                    }
                    else
                    {
                        await writer.WriteLineAsync("250 OK");
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException)
            {
                Received.TrySetException(ex);
            }
        }

        public void Dispose() => _listener.Stop();
    }
}
