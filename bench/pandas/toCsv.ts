/** Runs the SQL given as the one argument in a throwaway DuckDB (the CSV copy pandas reads). */
import { openWorkDatabase } from "../../lib/db/workDatabase";

const db = await openWorkDatabase();
try {
  await db.connection.run(process.argv[2]!);
} finally {
  db.close();
}
