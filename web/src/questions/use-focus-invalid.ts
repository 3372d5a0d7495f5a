import { useEffect, type RefObject } from 'react';

/** After a refused submit, the keyboard goes to the first field the server named, so it can be corrected at once. */
export function useFocusInvalid(form: RefObject<HTMLFormElement | null>, error: unknown): void {
  useEffect(() => {
    if (error) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, error]);
}
