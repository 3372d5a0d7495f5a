import { GraphQLSchema } from 'graphql';

/** Code-first Nest gives the root types no description: the schema is the documentation clients read. */
export function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  if (query)
    query.description =
      'Everything a logged-in person may read. Every field needs `Authorization: Bearer <accessToken>`; what the viewer may not read is NOT_FOUND (content) or FORBIDDEN (a private group’s content), never shown.';
  const mutation = schema.getMutationType();
  if (mutation)
    mutation.description =
      'Every change. All need a logged-in person except `login`, `refreshToken` and `acceptInvitation`. Errors carry `extensions.code` and `extensions.reason` (see the README).';
  return schema;
}
