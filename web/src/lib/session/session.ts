import { ApiError } from '../errors/app-error-info';
import { authApi, type SessionGrant } from './auth-api';

export type SessionStatus = 'unknown' | 'anonymous' | 'authenticated';

export interface SessionState {
  status: SessionStatus;
  userId?: string;
  /** Why a session is anonymous: never opened, ended by the person (logout), or ended by the server. */
  ended?: 'logout' | 'expired';
}

type Listener = (state: SessionState) => void;

const LOCK_NAME = 'maillage-refresh';
const CHANNEL_NAME = 'maillage-session';

/** Refresh this long before expiry: a minute for a 15-minute token, a fifth of shorter ones. */
function refreshMargin(lifetime: number): number {
  return Math.min(60_000, lifetime * 0.2);
}

/**
 * The browser's session. The access token lives in this object only (never in storage); the
 * refresh token is an HttpOnly cookie the page cannot read, sent to /auth/* alone. One tab
 * refreshes at a time (Web Locks): a rotated refresh token presented twice would end the session.
 */
class Session {
  private grant?: SessionGrant;
  private state: SessionState = { status: 'unknown' };
  private readonly listeners = new Set<Listener>();
  private readonly refreshListeners = new Set<(token: string) => void>();
  private started?: Promise<boolean>;
  private inFlight?: Promise<boolean>;
  private timer?: ReturnType<typeof setTimeout>;
  private readonly channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL_NAME) : undefined;

  constructor() {
    // Another tab logged out: the cookie is gone for every tab, so this one is logged out too.
    this.channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (event.data === 'logout') this.clear('logout');
    });
    document.addEventListener('visibilitychange', () => {
      // Timers sleep with a hidden tab or a suspended phone: catch up when the page is seen again.
      if (document.visibilityState === 'visible' && this.grant && this.isExpiring(refreshMargin(this.grant.lifetime)))
        void this.refresh();
    });
  }

  get current(): SessionState {
    return this.state;
  }

  get accessToken(): string | undefined {
    return this.grant?.accessToken;
  }

  /** The first look on load: is there a session behind the cookie? Asked once; later calls share the answer. */
  start(): Promise<boolean> {
    this.started ??= this.refresh();
    return this.started;
  }

  async login(email: string, password: string): Promise<void> {
    this.apply(await authApi.login(email, password));
  }

  async acceptInvitation(token: string, displayName: string, password: string): Promise<void> {
    this.apply(await authApi.acceptInvitation(token, displayName, password));
  }

  /**
   * Trades the cookie for a new access token. True when the session goes on; false when it ended
   * (the person is then anonymous) or when the server could not be reached (nothing changes).
   */
  refresh(): Promise<boolean> {
    this.inFlight ??= this.locked(() => this.refreshNow()).finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  async logout(): Promise<void> {
    try {
      await authApi.logout();
    } finally {
      this.clear('logout');
      this.channel?.postMessage('logout');
    }
  }

  /** True when the access token is missing or expires within `withinMs`. */
  isExpiring(withinMs = 5_000): boolean {
    return !this.grant || Date.now() >= this.grant.expiresAt - withinMs;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called with each new access token (the socket sends it on with `auth:refresh`). */
  onRefreshed(listener: (token: string) => void): () => void {
    this.refreshListeners.add(listener);
    return () => this.refreshListeners.delete(listener);
  }

  private async refreshNow(): Promise<boolean> {
    try {
      const grant = await authApi.refresh();
      const renewed = this.state.status === 'authenticated';
      this.apply(grant);
      if (renewed) for (const listener of this.refreshListeners) listener(grant.accessToken);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.info.code === 'UNAUTHENTICATED') {
        this.clear(this.state.status === 'authenticated' ? 'expired' : undefined);
        return false;
      }
      // Server unreachable or busy: keep what we have and try again a little later.
      if (this.state.status === 'unknown') this.setState({ status: 'anonymous' });
      if (this.grant) this.schedule(15_000);
      return false;
    }
  }

  private locked(work: () => Promise<boolean>): Promise<boolean> {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    // `request` resolves with what the callback resolves: `then` unwraps the nested promise type.
    return locks ? locks.request(LOCK_NAME, work).then((done) => done) : work();
  }

  private apply(grant: SessionGrant): void {
    this.grant = grant;
    this.schedule(Math.max(1_000, grant.expiresAt - refreshMargin(grant.lifetime) - Date.now()));
    if (this.state.status !== 'authenticated' || this.state.userId !== grant.userId)
      this.setState({ status: 'authenticated', userId: grant.userId });
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private clear(ended?: SessionState['ended']): void {
    clearTimeout(this.timer);
    this.grant = undefined;
    if (this.state.status !== 'anonymous') this.setState({ status: 'anonymous', ended });
  }

  private setState(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}

export const session = new Session();
