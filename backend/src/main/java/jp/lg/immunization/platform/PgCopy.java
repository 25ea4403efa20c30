package jp.lg.immunization.platform;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Bulk writes with PostgreSQL's COPY, on the connection of the current transaction, so that a copy commits or rolls
 * back with everything else the transaction did. Values are written as CSV: null as an empty field, text quoted.
 */
@Component
public class PgCopy {

  private final DataSource dataSource;

  PgCopy(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** @return the number of rows written */
  public long copy(String table, List<String> columns, Iterable<? extends List<?>> rows) {
    StringBuilder csv = new StringBuilder();
    for (List<?> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          csv.append(',');
        }
        Object value = row.get(i);
        if (value != null) {
          csv.append('"').append(value.toString().replace("\"", "\"\"")).append('"');
        }
      }
      csv.append('\n');
    }
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      return connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " ("
          + String.join(", ", columns) + ") from stdin with (format csv)", new StringReader(csv.toString()));
    } catch (SQLException | IOException failed) {
      throw new DataAccessResourceFailureException("COPY into " + table + " failed", failed);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }
}
