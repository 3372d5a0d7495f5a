/** A size as people read it, in French: "820 octets", "340 Ko", "2,4 Mo". */
export function formatSize(bytes: number, locale = 'fr'): string {
  const number = (value: number, digits: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
  if (bytes < 1024) return `${number(bytes, 0)} o`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024, 0)} Ko`;
  return `${number(bytes / (1024 * 1024), 1)} Mo`;
}
