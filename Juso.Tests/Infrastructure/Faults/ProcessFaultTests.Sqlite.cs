using Microsoft.Data.Sqlite;

namespace Juso.Tests.Infrastructure.Faults;

/// <summary>The database file read and written directly, beside the portal process, as another process would.</summary>
public sealed partial class ProcessFaultTests
{
    private static SqliteConnection Open(string directory)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "juso.db"), Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        return connection;
    }

    private static long Count(string directory, string sql, object? restart = null, string? detail = null)
    {
        using var db = Open(directory);
        using var command = db.CreateCommand();
        command.CommandText = sql;
        if (restart is not null)
        {
            command.Parameters.AddWithValue("@restart", restart);
        }
        if (detail is not null)
        {
            command.Parameters.AddWithValue("@detail", detail);
        }
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string? Scalar(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() as string;
    }

    private static void Execute(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<object?[]> Rows(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            rows.Add(row);
        }
        return rows;
    }
}
