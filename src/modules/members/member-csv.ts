import { parse } from 'csv-parse/sync';
import { BadInputError } from '../../common/errors/app-error';
import { EMAIL_PATTERN, normalizeEmail } from '../../common/validation/email';
import { isIsoDate } from '../../common/graphql/date-scalar';
import { MEMBER_CATEGORIES, MemberCategoryValue } from './member-category';

/**
 * The members CSV, both ways: the columns import reads are the columns export writes, so a file
 * exported and imported again changes nothing. French Excel conventions: `;`, a BOM, CRLF.
 */
export const CSV_COLUMNS = ['email', 'prenom', 'nom', 'categories', 'cotisation_jusqu_au'] as const;
type Column = (typeof CSV_COLUMNS)[number];

/** The most rows one file may hold (the issue refuses 50,000; a federation's largest club has a few thousand). */
export const MAX_IMPORT_ROWS = 10_000;
/** And the most bytes (10,000 rows of a few columns fit in well under 5 MB). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export interface ImportRow {
  /** The line of the file the row starts on (the header is line 1). */
  line: number;
  email: string;
  categories: MemberCategoryValue[] | null;
  paidUntil: string | null;
}

export interface RowError {
  line: number;
  column: string;
  message: string;
}

export interface ParsedImport {
  rows: ImportRow[];
  errors: RowError[];
  total: number;
}

const fold = (value: string) =>
  value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();

/** Header names, case and accents ignored, spaces and dashes as underscores: "Cotisation jusqu'au" too. */
function headerKey(value: string): Column | null {
  const key = fold(value)
    .replace(/['’]/g, '_')
    .replace(/[\s-]+/g, '_');
  const aliases: Record<string, Column> = {
    email: 'email',
    e_mail: 'email',
    courriel: 'email',
    mail: 'email',
    prenom: 'prenom',
    nom: 'nom',
    categories: 'categories',
    categorie: 'categories',
    cotisation_jusqu_au: 'cotisation_jusqu_au',
    cotisation_jusqu__au: 'cotisation_jusqu_au',
  };
  return aliases[key] ?? null;
}

const CATEGORY_WORDS: Record<string, MemberCategoryValue> = {
  adherent: 'ADHERENT',
  adherente: 'ADHERENT',
  benevole: 'BENEVOLE',
  salarie: 'SALARIE',
  salariee: 'SALARIE',
  elu: 'ELU',
  elue: 'ELU',
};

const FRENCH_WORDS: Record<MemberCategoryValue, string> = {
  ADHERENT: 'adhérent',
  BENEVOLE: 'bénévole',
  SALARIE: 'salarié',
  ELU: 'élu',
};

/** `ADHERENT|bénévole` or `adhérent, élu`: the enum names or the French words. */
export function parseCategories(cell: string): { categories: MemberCategoryValue[] } | { unknown: string } {
  const found = new Set<MemberCategoryValue>();
  for (const part of cell.split(/[|,]/)) {
    const word = fold(part);
    if (!word) continue;
    const category = CATEGORY_WORDS[word] ?? MEMBER_CATEGORIES.find((c) => c.toLowerCase() === word);
    if (!category) return { unknown: part.trim() };
    found.add(category);
  }
  return { categories: [...found].sort() };
}

/** `JJ/MM/AAAA` or `AAAA-MM-JJ` → `AAAA-MM-JJ`; null when it is no calendar day. */
export function parseDay(cell: string): string | null {
  const value = cell.trim();
  const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const iso = french ? `${french[3]}-${french[2].padStart(2, '0')}-${french[1].padStart(2, '0')}` : value;
  return isIsoDate(iso) ? iso : null;
}

/** UTF-8 (with or without a BOM) or a clear refusal; the other checks need the text. */
export function decodeCsv(input: string | Buffer): string {
  if (typeof input !== 'string') {
    try {
      input = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      throw new BadInputError({ csv: 'is not UTF-8 text: save it as "CSV UTF-8"' }, 'CSV_NOT_UTF8');
    }
  }
  // A file read as Latin-1 or Windows-1252 by the client and sent on arrives with U+FFFD in it.
  if (input.includes('\uFFFD'))
    throw new BadInputError({ csv: 'is not UTF-8 text: save it as "CSV UTF-8"' }, 'CSV_NOT_UTF8');
  return input.replace(/^\uFEFF/, '');
}

/**
 * Reads the file: the whole file is refused (BAD_USER_INPUT on `csv`, nothing written) when it is
 * not UTF-8, too large or has no `email` column; otherwise each bad row is an error with its line
 * and column and the other rows stand.
 */
export function parseMembersCsv(input: string | Buffer): ParsedImport {
  if (Buffer.byteLength(input) > MAX_IMPORT_BYTES)
    throw new BadInputError({ csv: `is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB` }, 'CSV_TOO_MANY_ROWS');
  const text = decodeCsv(input);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new BadInputError({ csv: `cannot be read as CSV${line ? ` (line ${line})` : ''}` });
  }
  if (records.length - 1 > MAX_IMPORT_ROWS)
    throw new BadInputError({ csv: `has more than ${MAX_IMPORT_ROWS} rows: split it` }, 'CSV_TOO_MANY_ROWS');
  const header = (records[0]?.record ?? []).map(headerKey);
  const index = new Map<Column, number>();
  header.forEach((column, i) => column && !index.has(column) && index.set(column, i));
  if (!index.has('email'))
    throw new BadInputError({ csv: 'has no "email" column in its first line' }, 'CSV_NO_EMAIL_COLUMN');

  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  const lines = text.split(/\r\n|\n|\r/);
  let previousEnd = records[0].info.lines;
  for (const { record, info } of records.slice(1)) {
    // info.lines is where the record ends; it starts after the previous one (blank lines skipped).
    const line = firstNonBlankLine(lines, previousEnd + 1, info.lines);
    previousEnd = info.lines;
    const cell = (column: Column) => (index.has(column) ? (record[index.get(column)!] ?? '').trim() : '');
    const rowErrors: RowError[] = [];
    const email = normalizeEmail(cell('email'));
    if (!email) rowErrors.push({ line, column: 'email', message: 'adresse e-mail manquante' });
    else if (!EMAIL_PATTERN.test(email) || email.length > 320)
      rowErrors.push({ line, column: 'email', message: `adresse e-mail invalide : « ${cell('email')} »` });
    else if (seen.has(email))
      rowErrors.push({ line, column: 'email', message: `adresse déjà présente ligne ${seen.get(email)}` });
    let categories: MemberCategoryValue[] | null = null;
    if (cell('categories')) {
      const parsed = parseCategories(cell('categories'));
      if ('unknown' in parsed)
        rowErrors.push({
          line,
          column: 'categories',
          message: `catégorie inconnue : « ${parsed.unknown} » (adhérent, bénévole, salarié ou élu)`,
        });
      else categories = parsed.categories;
    }
    let paidUntil: string | null = null;
    if (cell('cotisation_jusqu_au')) {
      paidUntil = parseDay(cell('cotisation_jusqu_au'));
      if (!paidUntil)
        rowErrors.push({
          line,
          column: 'cotisation_jusqu_au',
          message: `date invalide : « ${cell('cotisation_jusqu_au')} » (JJ/MM/AAAA ou AAAA-MM-JJ)`,
        });
    }
    if (rowErrors.length) errors.push(...rowErrors);
    else {
      seen.set(email, line);
      rows.push({ line, email, categories, paidUntil });
    }
  }
  return { rows, errors, total: records.length - 1 };
}

function firstNonBlankLine(lines: string[], from: number, to: number): number {
  if (from >= to) return to;
  for (let line = from; line < to; line++) if (lines[line - 1]?.trim()) return line;
  return to;
}

/** A cell Excel would not run as a formula: `= + - @` (and tab, CR) at the start get a `'` before them. */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function quote(value: string): string {
  const safe = neutralise(value);
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** `;`-separated, BOM, CRLF: what French Excel opens as columns with accents intact. */
export function membersCsv(
  rows: { email: string; displayName: string; categories: MemberCategoryValue[]; paidUntil: string | null }[],
): string {
  const lines = [CSV_COLUMNS.join(';')];
  for (const row of rows) {
    const [prenom, ...rest] = row.displayName.trim().split(/\s+/);
    lines.push(
      [
        row.email,
        prenom ?? '',
        rest.join(' '),
        row.categories.map((category) => FRENCH_WORDS[category]).join('|'),
        row.paidUntil ? `${row.paidUntil.slice(8, 10)}/${row.paidUntil.slice(5, 7)}/${row.paidUntil.slice(0, 4)}` : '',
      ]
        .map(quote)
        .join(';'),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
