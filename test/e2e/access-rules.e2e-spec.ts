import { startTestApp, TestApp } from '../support/test-app';

/**
 * Walks the live schema and calls every query and mutation anonymously, with made-up but
 * well-typed arguments. Only the operations the contract makes public may get past the guard;
 * a new root field that forgot its access rule fails here (and the server refuses to boot).
 */
const PUBLIC_OPERATIONS = ['acceptInvitation', 'login', 'refreshToken', 'requestPasswordReset', 'resetPassword'];

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface InputValue {
  name: string;
  type: TypeRef;
  defaultValue: string | null;
}
interface FullType {
  kind: string;
  name: string;
  fields: { name: string; args: InputValue[]; type: TypeRef }[] | null;
  inputFields: InputValue[] | null;
  enumValues: { name: string }[] | null;
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';
const INTROSPECTION = `{ __schema { queryType { name } mutationType { name } types {
  kind name enumValues { name }
  fields { name type { ${TYPE_REF} } args { name defaultValue type { ${TYPE_REF} } } }
  inputFields { name defaultValue type { ${TYPE_REF} } }
} } }`;

function literal(type: TypeRef, types: Map<string, FullType>): string {
  if (type.kind === 'NON_NULL') return literal(type.ofType as TypeRef, types);
  if (type.kind === 'LIST') return `[${literal(type.ofType as TypeRef, types)}]`;
  const named = types.get(type.name as string) as FullType;
  if (named.kind === 'ENUM') return (named.enumValues as { name: string }[])[0].name;
  if (named.kind === 'INPUT_OBJECT') {
    const required = (named.inputFields ?? []).filter((f) => f.type.kind === 'NON_NULL' && f.defaultValue === null);
    return `{ ${required.map((f) => `${f.name}: ${literal(f.type, types)}`).join(', ')} }`;
  }
  switch (named.name) {
    case 'Int':
    case 'Float':
      return '1';
    case 'Boolean':
      return 'true';
    case 'Date':
      return '"2026-01-01"';
    case 'ID':
      return '"00000000-0000-4000-8000-000000000000"';
    default:
      return '"anonymous probe"';
  }
}

function selection(type: TypeRef, types: Map<string, FullType>): string {
  let named: TypeRef = type;
  while (named.ofType) named = named.ofType;
  const kind = types.get(named.name as string)?.kind;
  return kind === 'OBJECT' || kind === 'INTERFACE' ? ' { __typename }' : '';
}

describe('every root field has an access rule', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('refuses every non-public query and mutation to anonymous callers', async () => {
    const res = await app.gql<{
      __schema: { queryType: { name: string }; mutationType: { name: string }; types: FullType[] };
    }>(INTROSPECTION);
    const schema = res.data!.__schema;
    const types = new Map(schema.types.map((t) => [t.name, t]));
    const passedTheGuard: string[] = [];
    for (const [operation, typeName] of [
      ['query', schema.queryType.name],
      ['mutation', schema.mutationType.name],
    ]) {
      for (const field of types.get(typeName)?.fields ?? []) {
        const args = field.args
          .filter((a) => a.type.kind === 'NON_NULL' && a.defaultValue === null)
          .map((a) => `${a.name}: ${literal(a.type, types)}`);
        const document = `${operation} { ${field.name}${args.length ? `(${args.join(', ')})` : ''}${selection(field.type, types)} }`;
        const answer = await app.gql(document);
        expect(answer.errors?.[0]?.message).toBeDefined();
        const refused =
          answer.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED' &&
          answer.errors[0].message === 'Authentication required';
        if (!refused) passedTheGuard.push(field.name);
      }
    }
    expect(passedTheGuard.sort()).toEqual(PUBLIC_OPERATIONS);
  });
});
