/** Finding a file's columns by name and turning them into the engine's stage columns. */
import { DatasetError } from "./datasetError";
import { quoteIdentifier } from "../db/quoteIdentifier";
import { type InspectedSource, type SourceColumn, sqlName } from "./readSource";
import type { StageColumn, StageType } from "./stage";
import { type SourceKind, firstOf, freeText, idText, keyText, sourceKind } from "./valueSql";

/** The column named `wanted`: exactly, else ignoring case and surrounding blanks. */
export function findColumn(source: InspectedSource, wanted: string): SourceColumn | undefined {
  return (
    source.columns.find((c) => c.name === wanted) ??
    source.columns.find((c) => c.name.trim().toLowerCase() === wanted.trim().toLowerCase())
  );
}

/** Every named column, or a fatal error naming the file, the column and what the file has. */
export function requireColumns(source: InspectedSource, names: readonly string[], purpose?: string, hint?: string): SourceColumn[] {
  return names.map((name) => {
    const found = findColumn(source, name);
    if (!found) {
      const list = source.columns.map((c) => c.name).join(", ");
      throw new DatasetError(
        `${source.name} has no column "${name}"${purpose ? ` (${purpose})` : ""} (found: ${list.length > 300 ? list.slice(0, 300) + "…" : list})${hint ? `; ${hint}` : ""}`,
        { file: source.file, column: name },
      );
    }
    return found;
  });
}

export interface ColumnSpec {
  name: string;
  type: StageType;
  /** "key": ids and typed values (trimmed, null markers are missing); "free": text kept as written. */
  mode: "key" | "free";
  parse?: (ref: string, kind: SourceKind) => string;
  typeWord?: string;
  finite?: boolean;
  checkWhere?: string;
  pseudonymous?: boolean;
}

/** A stage column read from `sources` (the first non-missing wins), or an absent one when there are none. */
export function stageColumn(spec: ColumnSpec, sources: readonly SourceColumn[]): StageColumn {
  const { name, type, typeWord, finite, checkWhere, pseudonymous } = spec;
  if (sources.length === 0) {
    return { name, type, source: null, text: `NULL::${type}`, parse: () => `NULL::${type}`, raw: "NULL", ...(typeWord ? { typeWord } : {}) };
  }
  const kinds = new Set(sources.map((c) => sourceKind(c.type)));
  const kind: SourceKind = kinds.size === 1 ? [...kinds][0]! : "text";
  const parts = sources.map((c) => {
    const ref = kinds.size === 1 ? `s.${quoteIdentifier(sqlName(c))}` : `s.${quoteIdentifier(sqlName(c))}::VARCHAR`;
    return spec.mode === "key" ? keyText(ref, kind) : freeText(ref, kind);
  });
  const text = firstOf(parts);
  return {
    name,
    type,
    source: sources.map((c) => c.name).join(" / "),
    text,
    parse: (ref) => (spec.parse ? spec.parse(ref, kind) : spec.mode === "key" ? idText(ref, kind) : kind === "text" ? ref : `${ref}::VARCHAR`),
    raw: `(${text})::VARCHAR`,
    ...(typeWord ? { typeWord } : {}),
    ...(finite ? { finite } : {}),
    ...(checkWhere ? { checkWhere } : {}),
    ...(pseudonymous ? { pseudonymous } : {}),
  };
}

/** Columns that look personal: never read, and listed in the report as dropped. */
export const PERSONAL_COLUMN = /^(e-?mail(_?address)?|(first|last|full|given|family|user)_?name|name|phone(_?number)?|(street_?|postal_?)?address)$/i;
