import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from './context';
import { assertIntrospectionAllowed, checkedCost, hideSuggestions } from './limits';
import { assertRoleMayUse } from './permissions';
import { rateLimited, reportRate } from './rate-limit';
import { assertScopes } from './scopes';

/**
 * Who asks and what they may run, before anything runs, in this order: the operation's cost (refused past the
 * limit of one query), the caller looked up with that cost charged to its budget (refused past it: 429), then
 * introspection, the login's role and the API token's scopes. Every response reports the budget.
 */
export function accessControl(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation, request, schema }) {
          const cost = checkedCost(schema, document, request.variables, request.operationName);
          await contextValue.identify?.(contextValue, cost);
          if (contextValue.rate && !contextValue.rate.charged) throw rateLimited(contextValue.rate);
          assertIntrospectionAllowed(contextValue, document);
          if (!operation || !contextValue.actor) return;
          assertRoleMayUse(contextValue.actor, document, operation);
          assertScopes(contextValue.actor, schema, document, operation);
        },
        async willSendResponse({ contextValue, response }) {
          // A request refused before its operation was resolved (unparsable, invalid) still reports the budget, charged nothing.
          await contextValue.identify?.(contextValue, 0).catch(() => undefined);
          if (contextValue.rate) reportRate(response, contextValue.rate);
          hideSuggestions(contextValue, response);
        },
      };
    },
  };
}
