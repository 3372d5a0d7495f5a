import { useLingui } from '@lingui/react/macro';
import { Outlet } from '@tanstack/react-router';
import { UnderConstruction } from '../app/under-construction';

/** The group's header and tabs; the current tab (a child route) renders in the outlet. */
export function GroupPage() {
  const { t } = useLingui();
  return (
    <>
      <UnderConstruction title={t`Groupe`} />
      <Outlet />
    </>
  );
}
