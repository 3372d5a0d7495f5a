import { Fragment } from 'react';

// http(s) addresses and "www." ones; a trailing punctuation mark stays text ("voir https://a.fr.").
const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"]+[^\s<>".,;:!?)\]'»]/gi;

/**
 * A text as people wrote it: line breaks kept (by CSS, `white-space: pre-wrap`), addresses made into
 * links that open safely (http and https only, no referrer, no access to this page). Never HTML.
 */
export function RichText({ text }: { text: string }) {
  const parts: (string | { href: string; label: string })[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const start = match.index ?? 0;
    if (start > last) parts.push(text.slice(last, start));
    const label = match[0];
    parts.push({ href: label.toLowerCase().startsWith('www.') ? `https://${label}` : label, label });
    last = start + label.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return (
    <>
      {parts.map((part, index) =>
        typeof part === 'string' ? (
          <Fragment key={index}>{part}</Fragment>
        ) : (
          <a key={index} href={part.href} target="_blank" rel="noopener noreferrer nofollow">
            {part.label}
          </a>
        ),
      )}
    </>
  );
}
