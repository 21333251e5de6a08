import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode } from 'graphql';
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

/** The name the document gives its operation, when it was parsed but failed validation. */
function nameInDocument(document: DocumentNode | undefined): string | undefined {
  const operations = document?.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION) ?? [];
  return operations.length === 1 ? operations[0].name?.value : undefined;
}

/**
 * Tells the request log who asked and which operation ran, and times each operation by name and
 * outcome (OK, or its first error's code). One listener per request, none per field.
 */
export function observeOperations(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = performance.now();
      const request = currentRequest();
      return {
        async willSendResponse({ contextValue, operationName: resolved, request: { operationName: asked }, document, response }) {
          // The operation run, or else the one asked for, when the document did not get that far.
          const operationName = resolved ?? asked ?? nameInDocument(document) ?? null;
          if (request) {
            request.operationName = operationName;
            request.actorId = contextValue.actor?.userId ?? null;
          }
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const outcome = errors?.length ? String(errors[0].extensions?.code ?? 'ERROR') : 'OK';
          metrics().graphqlDuration.observe({ operation: operationLabel(operationName), outcome }, (performance.now() - started) / 1000);
        },
      };
    },
  };
}
