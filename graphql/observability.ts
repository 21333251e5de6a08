import type { ApolloServerPlugin } from '@apollo/server';
import { metrics } from '@/lib/observability/metrics';
import { currentRequest } from '@/lib/observability/request-context';
import type { Context } from './context';

/** Operation names are the caller's: past this many distinct ones, the rest are counted together. */
const MAX_OPERATION_LABELS = 200;
const operationLabels = new Set<string>();

function operationLabel(name: string | null | undefined): string {
  if (!name) return '(anonymous)';
  if (operationLabels.has(name)) return name;
  if (operationLabels.size >= MAX_OPERATION_LABELS) return '(other)';
  operationLabels.add(name);
  return name;
}

/**
 * Tells the request log who asked and which operation ran, and times each operation by name and
 * outcome (OK, or its first error's code). One listener per request, none per field.
 */
export function observeOperations(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      const request = currentRequest();
      if (request) request.actorId = contextValue.actor?.userId ?? null;
      return {
        async willSendResponse({ operationName: resolved, request: { operationName: asked }, response }) {
          // The document's operation, or the name the caller asked for when the document did not get that far.
          const operationName = resolved ?? asked ?? null;
          if (request) request.operationName = operationName;
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const outcome = errors?.length ? String(errors[0].extensions?.code ?? 'ERROR') : 'OK';
          metrics().graphqlDuration.observe({ operation: operationLabel(operationName), outcome }, (performance.now() - started) / 1000);
        },
      };
    },
  };
}
