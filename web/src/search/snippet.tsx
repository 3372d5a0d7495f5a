import { Fragment } from 'react';
import { splitSnippet } from './snippet-parts';

/** A snippet with its matches in <mark>, as React elements (never innerHTML). */
export function Snippet({ snippet }: { snippet: string }) {
  return (
    <>
      {splitSnippet(snippet).map((part, index) =>
        part.match ? <mark key={index}>{part.text}</mark> : <Fragment key={index}>{part.text}</Fragment>,
      )}
    </>
  );
}
