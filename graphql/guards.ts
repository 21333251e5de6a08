import { GraphQLError } from 'graphql';
import type { Actor } from '@/operations/actor';
import type { Context } from './context';

export function requireActor(context: Context): Actor {
  if (!context.actor) throw new GraphQLError('Sign in or send an API token to use this field', { extensions: { code: 'UNAUTHENTICATED' } });
  return context.actor;
}

export function requireAdmin(context: Context): Actor {
  const actor = requireActor(context);
  if (!actor.isAdmin) throw new GraphQLError('Only the back office may use this field', { extensions: { code: 'FORBIDDEN' } });
  return actor;
}

export function requireResellerOrAdmin(context: Context): Actor {
  const actor = requireActor(context);
  if (!actor.isAdmin && actor.accountKind !== 'RESELLER') throw new GraphQLError('Only resellers and the back office have client accounts', { extensions: { code: 'FORBIDDEN' } });
  return actor;
}
