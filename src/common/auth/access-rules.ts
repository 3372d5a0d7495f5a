import { SetMetadata } from '@nestjs/common';

/**
 * Every root field carries an access rule (a check at boot refuses a server where one has none). The guard refuses a field
 * that has none, and `test/e2e/access-rules.e2e-spec.ts` fails when one is missing.
 */
export const ACCESS_RULE = 'maillage:access-rule';
export type AccessRule = 'public' | 'authenticated';

/** Open to anonymous callers. Keep this list short: login, refreshToken, acceptInvitation, requestPasswordReset, resetPassword. */
export const Public = () => SetMetadata(ACCESS_RULE, 'public' satisfies AccessRule);

/** Needs a valid access token. Finer checks (admin of, member of) happen in services through src/access. */
export const Authenticated = () => SetMetadata(ACCESS_RULE, 'authenticated' satisfies AccessRule);

/**
 * Field resolvers are not reached by guards (NestJS runs enhancers on root fields only), so each
 * one declares how it stays safe. The boot audit refuses a field resolver with neither.
 */
export const FIELD_ACCESS = 'maillage:field-access';
export type FieldAccess = 'guarded' | 'public';

/** The resolver checks the viewer's access itself, through src/access (posts, members, answers, messages, email…). */
export const GuardedField = () => SetMetadata(FIELD_ACCESS, 'guarded' satisfies FieldAccess);

/** Shows nothing beyond what the parent object's own visibility already allows (names, counts, the viewer's own facts). */
export const PublicField = () => SetMetadata(FIELD_ACCESS, 'public' satisfies FieldAccess);
