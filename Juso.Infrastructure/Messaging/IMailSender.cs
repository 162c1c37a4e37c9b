using MimeKit;

namespace Juso.Infrastructure.Messaging;

/// <summary>One plain-text message to one address. Bodies carry case numbers and links only, never names.</summary>
public sealed record OutgoingMail(string To, string Subject, string Body);

public interface IMailSender
{
    /// <summary>Sends or throws; the caller's job retries.</summary>
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

internal static class MailMessages
{
    public static MimeMessage Build(MailOptions options, OutgoingMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.FromName, options.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Body = new TextPart("plain") { Text = mail.Body };
        return message;
    }
}
