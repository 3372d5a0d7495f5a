import { TestApp } from './test-app';

export type MemberCategory = 'ADHERENT' | 'BENEVOLE' | 'SALARIE' | 'ELU';

function must<T>(value: T | null | undefined, what: string, errors?: unknown): T {
  if (value === null || value === undefined) throw new Error(`${what} failed: ${JSON.stringify(errors)}`);
  return value;
}

export async function setCategories(
  app: TestApp,
  token: string,
  organizationId: string,
  userId: string,
  categories: MemberCategory[],
): Promise<void> {
  const res = await app.gql<{ setMemberCategories: { categories: string[] } }>(
    `mutation($organizationId: ID!, $userId: ID!, $categories: [MemberCategory!]!) {
      setMemberCategories(organizationId: $organizationId, userId: $userId, categories: $categories) { categories }
    }`,
    { organizationId, userId, categories },
    token,
  );
  must(res.data?.setMemberCategories, 'setMemberCategories', res.errors);
}

/** YYYY-MM-DD, `days` from today (UTC). */
export function isoDay(days = 0): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export async function recordDues(
  app: TestApp,
  token: string,
  input: { organizationId: string; userId: string; periodStart: string; periodEnd: string; amountCents?: number },
): Promise<void> {
  const res = await app.gql<{ recordDuesPayment: { id: string } }>(
    `mutation($input: RecordDuesPaymentInput!) { recordDuesPayment(input: $input) { id } }`,
    { input: { amountCents: 2500, paidOn: input.periodStart, reference: 'CHQ-1', ...input } },
    token,
  );
  must(res.data?.recordDuesPayment, 'recordDuesPayment', res.errors);
}
