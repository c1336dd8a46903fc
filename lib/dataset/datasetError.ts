/** A problem with input data, stated in one line that names the file and, where known, the row and column. */
export class DatasetError extends Error {
  readonly file?: string;
  readonly column?: string;
  readonly row?: number;

  constructor(message: string, where: { file?: string; column?: string; row?: number } = {}) {
    super(message);
    this.name = "DatasetError";
    this.file = where.file;
    this.column = where.column;
    this.row = where.row;
  }
}
