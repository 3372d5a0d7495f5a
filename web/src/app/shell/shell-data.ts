import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { graphqlClient } from '../../lib/graphql/client';

export const ShellQuery = graphql(`
  query Shell {
    me {
      id
      displayName
      memberships {
        role
      }
    }
    unreadNotificationCount
  }
`);

/** Who is logged in and how many notifications wait: what every page's shell shows. */
export function useShellData() {
  const [result] = useQuery({ query: ShellQuery });
  return result.data;
}

/**
 * Asks the server again for the shell's figures (the unread count after a notification arrives or
 * after notifications are read). Every component showing them updates.
 */
export function refreshShellData(): void {
  void graphqlClient.query(ShellQuery, {}, { requestPolicy: 'network-only' }).toPromise();
}
