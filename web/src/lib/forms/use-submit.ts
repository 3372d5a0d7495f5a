import { useCallback, useRef, useState, type FormEvent } from 'react';

/**
 * A form's submission: one at a time, the error of the last attempt, and nothing typed lost
 * (fields are left as they are; only the error changes).
 */
export function useSubmit(work: (data: FormData) => Promise<void>) {
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const busy = useRef(false);
  const onSubmit = useCallback(
    async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      if (busy.current) return;
      busy.current = true;
      setPending(true);
      setError(null);
      try {
        await work(new FormData(event.currentTarget));
      } catch (caught) {
        setError(caught);
      } finally {
        busy.current = false;
        setPending(false);
      }
    },
    [work],
  );
  return { onSubmit, error, pending };
}
