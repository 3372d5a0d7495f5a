import { useEffect } from 'react';

/** Sets the tab's title ("Groupes · Maillage"), which is also what screen readers read on a page change. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Maillage` : 'Maillage';
  }, [title]);
}
