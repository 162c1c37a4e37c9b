using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

/// <summary>The SQL text of the commands EF runs while <see cref="Recording"/> is on.</summary>
internal sealed class SqlRecorder : ILoggerProvider, ILogger
{
    public bool Recording { get; set; }

    public List<string> Commands { get; } = [];

    public ILogger CreateLogger(string categoryName) => categoryName == DbLoggerCategory.Database.Command.Name ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => Recording;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (Recording && eventId.Id == Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted.Id
            && state is IReadOnlyList<KeyValuePair<string, object?>> values && values.FirstOrDefault(v => v.Key == "commandText").Value is string sql)
        {
            Commands.Add(sql);
        }
    }

    public void Dispose()
    {
    }
}
