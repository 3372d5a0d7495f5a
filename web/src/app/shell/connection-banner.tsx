import { Trans } from '@lingui/react/macro';
import { useConnectionState } from '../../lib/socket/use-socket';

/** "Reconnexion…" while the live connection is lost; the status region is always there so the change is announced. */
export function ConnectionBanner() {
  const state = useConnectionState();
  return (
    <div role="status" className="connection-banner" data-visible={state === 'reconnecting' || undefined}>
      {state === 'reconnecting' ? <Trans>Reconnexion…</Trans> : null}
    </div>
  );
}
