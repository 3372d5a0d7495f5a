import { Client, cacheExchange, fetchExchange } from '@urql/core';
import { authExchange } from '@urql/exchange-auth';
import { session } from '../session/session';

/** UNAUTHENTICATED reasons that mean "the password typed is wrong", not "the session needs a new token". */
const PASSWORD_REASONS = new Set(['WRONG_PASSWORD', 'INVALID_CREDENTIALS']);

/**
 * The GraphQL client. Queries go out as POST with a JSON body: Apollo's CSRF prevention refuses
 * the GET requests urql would otherwise send. The access token is added to each operation; one
 * that expires (or is refused with UNAUTHENTICATED) is refreshed once, then the operation retried.
 */
export const graphqlClient = new Client({
  url: '/graphql',
  preferGetMethod: false,
  fetchOptions: { credentials: 'same-origin' },
  exchanges: [
    cacheExchange,
    authExchange(async (utils) => ({
      addAuthToOperation(operation) {
        const token = session.accessToken;
        return token ? utils.appendHeaders(operation, { Authorization: `Bearer ${token}` }) : operation;
      },
      willAuthError() {
        return session.current.status === 'authenticated' && session.isExpiring();
      },
      didAuthError(error) {
        // A wrong password typed to confirm an action is not an expired token: refreshing and
        // sending it again would only count one more failed attempt against the rate limit.
        return error.graphQLErrors.some(
          (e) => e.extensions?.code === 'UNAUTHENTICATED' && !PASSWORD_REASONS.has(String(e.extensions.reason)),
        );
      },
      async refreshAuth() {
        await session.refresh();
      },
    })),
    fetchExchange,
  ],
});
