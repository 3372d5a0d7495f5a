import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, ValidationRule } from 'graphql';
import { ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

export const MAX_DEPTH = 10;
export const MAX_ALIASES = 15;
export const MAX_COST = 10_000;
export const MAX_TOKENS = 5_000;

/**
 * A list field costs its page size times what each item costs: `first` (or its default) weighs
 * the selection below it, so `feed(first: 100) { comments(first: 100) { … } }` is priced as the
 * 10,000 comments it could return.
 */
const connectionEstimator: ComplexityEstimator = ({ args, field, childComplexity }) => {
  const fallback = field.args.find((arg) => arg.name === 'first')?.defaultValue;
  const first = typeof args.first === 'number' ? args.first : typeof fallback === 'number' ? fallback : undefined;
  return first === undefined ? undefined : 1 + Math.max(1, first) * childComplexity;
};

function costLimitPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation }) {
          if (!operation) return;
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables ?? {},
              estimators: [connectionEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch {
            // Bad variables: Apollo reports them itself (BAD_USER_INPUT, 400) right after this hook.
            return;
          }
          if (cost > MAX_COST) {
            throw new GraphQLError(`Query cost ${cost} exceeds the limit of ${MAX_COST}: ask for smaller pages`, {
              extensions: { code: 'BAD_USER_INPUT', cost, maxCost: MAX_COST, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/**
 * Depth, alias and directive limits (GraphQL Armor), refused at validation, before any
 * resolver runs; "did you mean" suggestions hidden in production; plus the cost limit above.
 */
export function queryLimits(isProduction: boolean): {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
} {
  const armor = new ApolloArmor({
    maxDepth: { n: MAX_DEPTH, ignoreIntrospection: true, flattenFragments: true },
    // Every alias counts, `__typename` ones too (Armor lets those through by default).
    maxAliases: { n: MAX_ALIASES, allowList: [] },
    maxDirectives: { n: 50 },
    // Armor's token limit re-parses in a plugin hook, which turns every syntax error into a 500:
    // the parser's own maxTokens (parseOptions in app.module) does it cleanly.
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: isProduction },
  }).protect();
  return { plugins: [...armor.plugins, costLimitPlugin()], validationRules: armor.validationRules };
}
