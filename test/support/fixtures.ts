import { randomBytes } from 'node:crypto';
import { TestApp } from './test-app';

export interface Session {
  userId: string;
  accessToken: string;
  refreshToken: string;
  email: string;
  password: string;
}

export type OrganizationRole = 'ADMIN' | 'STAFF' | 'MEMBER';

function must<T>(value: T | null | undefined, what: string, errors?: unknown): T {
  if (value === null || value === undefined) throw new Error(`${what} failed: ${JSON.stringify(errors)}`);
  return value;
}

export async function login(app: TestApp, email: string, password: string): Promise<Session> {
  const res = await app.gql<{ login: { accessToken: string; refreshToken: string; user: { id: string } } }>(
    `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken refreshToken user { id } } }`,
    { email, password },
  );
  const payload = must(res.data?.login, `login ${email}`, res.errors);
  return {
    userId: payload.user.id,
    accessToken: payload.accessToken,
    refreshToken: payload.refreshToken,
    email,
    password,
  };
}

export function loginAdmin(app: TestApp): Promise<Session> {
  return login(app, app.admin.email, app.admin.password);
}

export async function federationId(app: TestApp, token: string): Promise<string> {
  const res = await app.gql<{ organizations: { edges: { node: { id: string } }[] } }>(
    `{ organizations(kind: FEDERATION, first: 1) { edges { node { id } } } }`,
    {},
    token,
  );
  return must(res.data?.organizations.edges[0]?.node.id, 'federation lookup', res.errors);
}

export async function createOrganization(
  app: TestApp,
  token: string,
  input: { name: string; kind: 'REGION' | 'ASSOCIATION'; parentId: string; description?: string },
): Promise<string> {
  const res = await app.gql<{ createOrganization: { id: string } }>(
    `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
    { input },
    token,
  );
  return must(res.data?.createOrganization.id, `createOrganization ${input.name}`, res.errors);
}

export async function invite(
  app: TestApp,
  token: string,
  organizationId: string,
  email: string,
  role: OrganizationRole = 'MEMBER',
) {
  const res = await app.gql<{ inviteMember: { id: string; token: string } }>(
    `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id token } }`,
    { input: { organizationId, email, role } },
    token,
  );
  return must(res.data?.inviteMember, `inviteMember ${email}`, res.errors);
}

/** A new person who joined `organizationId` with `role` through a real invitation. */
export async function newMember(
  app: TestApp,
  inviterToken: string,
  organizationId: string,
  role: OrganizationRole = 'MEMBER',
  displayName = `Membre ${randomBytes(3).toString('hex')}`,
): Promise<Session> {
  const email = `${displayName.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${randomBytes(3).toString('hex')}@club.test`;
  const password = 'a-long-enough-password';
  const invitation = await invite(app, inviterToken, organizationId, email, role);
  const res = await app.gql<{ acceptInvitation: { accessToken: string; refreshToken: string; user: { id: string } } }>(
    `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accessToken refreshToken user { id } } }`,
    { input: { token: invitation.token, displayName, password } },
  );
  const payload = must(res.data?.acceptInvitation, `acceptInvitation ${email}`, res.errors);
  return {
    userId: payload.user.id,
    accessToken: payload.accessToken,
    refreshToken: payload.refreshToken,
    email,
    password,
  };
}
