/**
 * A problem with input data that leaves nothing to analyse, stated in one line that names the file
 * and, where known, the column and the row. Rows with individual bad values are not errors: they are
 * set aside with a reason and counted in the validation report.
 */
import { printable } from "./printable";

export class DatasetError extends Error {
  /** The file (or folder) at fault, as given. */
  readonly file?: string;
  /** The column as named in the file. */
  readonly column?: string;
  /** Data row number: 1 is the first row after the header, 0 the header itself. */
  readonly row?: number;

  constructor(message: string, where: { file?: string; column?: string; row?: number } = {}) {
    // Messages quote file and column names from the user's files: their control characters are escaped.
    super(printable(message));
    this.name = "DatasetError";
    this.file = where.file;
    this.column = where.column;
    this.row = where.row;
  }
}
