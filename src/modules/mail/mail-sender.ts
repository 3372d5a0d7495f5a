/** MAIL_FROM: `Name <address>` or a bare address. */
export function parseSender(value: string): { name: string; address: string } {
  const match = /^\s*(.*?)\s*<([^<>]+)>\s*$/.exec(value);
  if (!match) return { name: 'Maillage', address: value.trim() };
  return { name: match[1].replace(/^"|"$/g, '') || 'Maillage', address: match[2].trim() };
}
