import { useRouterState } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';

/**
 * After a client-side navigation, focus moves to the new page's main heading, so keyboard and
 * screen-reader users start at the new content (as a full page load would), not in the old menu.
 */
export function RouteAnnouncer() {
  const href = useRouterState({ select: (state) => state.location.href });
  const status = useRouterState({ select: (state) => state.status });
  const previous = useRef(href);

  useEffect(() => {
    if (status !== 'idle' || previous.current === href) return;
    previous.current = href;
    const heading = document.querySelector<HTMLElement>('main h1') ?? document.querySelector<HTMLElement>('main');
    if (!heading) return;
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }, [href, status]);
  return null;
}
