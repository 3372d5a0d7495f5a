import { useEffect, useState } from 'react';
import { formatDateTime, formatRelative } from '../lib/format/dates';

const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

/** One shared minute tick for every visible time, so "il y a 2 minutes" stays true while reading. */
function useMinute(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = () => setNow(Date.now());
    listeners.add(tick);
    timer ??= setInterval(() => listeners.forEach((listener) => listener()), 60_000);
    return () => {
      listeners.delete(tick);
      if (listeners.size === 0 && timer) {
        clearInterval(timer);
        timer = undefined;
      }
    };
  }, []);
  return now;
}

/** "il y a 5 minutes", with the exact date and time for whoever hovers or reads it out. */
export function RelativeTime({ value }: { value: string }) {
  const now = useMinute();
  return (
    <time dateTime={value} title={formatDateTime(value)}>
      {formatRelative(value, new Date(now))}
    </time>
  );
}
