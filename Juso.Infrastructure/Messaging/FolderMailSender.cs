namespace Juso.Infrastructure.Messaging;

/// <summary>The development default: each message becomes an .eml file in a folder instead of leaving the machine.</summary>
public sealed class FolderMailSender(string folder, MailOptions options, TimeProvider time) : IMailSender
{
    public string Folder => folder;

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var name = $"{time.GetUtcNow():yyyyMMdd'T'HHmmss}-{Guid.NewGuid():N}.eml";
        var temporary = Path.Combine(folder, name + ".tmp");
        await using (var stream = File.Create(temporary))
        {
            await MailMessages.Build(options, mail).WriteToAsync(stream, cancellationToken);
        }
        // Renamed when complete, so a reader never sees half a message.
        File.Move(temporary, Path.Combine(folder, name));
    }
}
