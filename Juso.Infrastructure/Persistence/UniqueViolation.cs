using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Juso.Infrastructure.Persistence;

public static class UniqueViolation
{
    /// <summary>Whether a save failed on a unique index (SQLite's UNIQUE constraint, SQL Server's errors 2601 and 2627).</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        SqlException sql => sql.Number is 2601 or 2627,
        _ => false,
    };
}
