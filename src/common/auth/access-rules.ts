import { SetMetadata } from '@nestjs/common';

/**
 * Every root field carries an access rule (ARCHITECTURE rule 2). The guard refuses a field
 * that has none, and `test/e2e/access-rules.e2e-spec.ts` fails when one is missing.
 */
export const ACCESS_RULE = 'maillage:access-rule';
export type AccessRule = 'public' | 'authenticated';

/** Open to anonymous callers. Keep this list short: login, refreshToken, acceptInvitation. */
export const Public = () => SetMetadata(ACCESS_RULE, 'public' satisfies AccessRule);

/** Needs a valid access token. Finer checks (admin of, member of) happen in services through src/access. */
export const Authenticated = () => SetMetadata(ACCESS_RULE, 'authenticated' satisfies AccessRule);
