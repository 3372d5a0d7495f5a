const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** The API's snippets are HTML-escaped text: turn the few entities it writes back into characters. */
export function unescapeHtml(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}

/**
 * Splits a snippet on the API's `<mark>…</mark>` markers: [text, match, text, match, …]. Nothing
 * else in it is read as markup, so a member's text can never inject HTML.
 */
export function splitSnippet(snippet: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  let rest = snippet;
  while (rest) {
    const start = rest.indexOf('<mark>');
    if (start < 0) {
      parts.push({ text: unescapeHtml(rest), match: false });
      break;
    }
    const end = rest.indexOf('</mark>', start);
    if (end < 0) {
      parts.push({ text: unescapeHtml(rest.replace('<mark>', '')), match: false });
      break;
    }
    if (start > 0) parts.push({ text: unescapeHtml(rest.slice(0, start)), match: false });
    parts.push({ text: unescapeHtml(rest.slice(start + '<mark>'.length, end)), match: true });
    rest = rest.slice(end + '</mark>'.length);
  }
  return parts.filter((part) => part.text);
}
