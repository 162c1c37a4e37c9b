namespace Juso.Infrastructure.Messaging;

/// <summary>The "Mail" configuration section. SMTP when Mail:Smtp:Host is set; otherwise messages are written to a folder.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string From { get; set; } = "juso@localhost";

    public string FromName { get; set; } = "Juso 重層的支援体制 ポータル";

    /// <summary>The portal's public address, for the links in mail bodies (e.g. https://juso.example.lg.jp).</summary>
    public string PortalBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>Where the development sender writes .eml files; relative paths are taken from the data folder.</summary>
    public string Folder { get; set; } = "mail";

    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>Auto: STARTTLS when the server offers it; SslOnConnect for port 465; None only on a trusted network.</summary>
    public string Security { get; set; } = "Auto";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
