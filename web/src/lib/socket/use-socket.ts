import { useEffect, useRef, useSyncExternalStore } from 'react';
import { realtime, type ConnectionState } from './socket';
import type { ServerToClientEvents } from './socket-events';

/**
 * Listens to a server event while the component is mounted. The handler may change on every
 * render; the subscription does not.
 */
export function useSocketEvent<E extends keyof ServerToClientEvents>(event: E, handler: ServerToClientEvents[E]): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const socket = realtime().socket;
    const listener = ((...args: Parameters<ServerToClientEvents[E]>) =>
      (latest.current as (...a: Parameters<ServerToClientEvents[E]>) => void)(...args)) as ServerToClientEvents[E];
    // Socket.io's typed `on` cannot follow a generic event name; the map above keeps callers typed.
    (socket.on as (e: E, l: ServerToClientEvents[E]) => void)(event, listener);
    return () => {
      (socket.off as (e: E, l: ServerToClientEvents[E]) => void)(event, listener);
    };
  }, [event]);
}

/** 'connected', 'connecting', 'reconnecting' or 'idle' (logged out), kept current. */
export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(
    (onChange) => realtime().onState(onChange),
    () => realtime().connection,
  );
}
