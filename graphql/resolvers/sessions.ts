import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { endOtherSessions, endSession, listSessions } from '@/operations/access/sessions';
import type { Context } from '../context';
import { attempt } from '../errors';
import { requireActor } from '../guards';
import { EndOtherSessionsPayload, EndSessionInput, EndSessionPayload, SessionType } from '../types/session';

@Resolver(() => SessionType)
export class SessionResolver {
  @Query(() => [SessionType], { description: "The signed-in login's open portal sessions, the most recently seen first." })
  async sessions(@Ctx() context: Context): Promise<SessionType[]> {
    const actor = requireActor(context);
    return (await listSessions(context.db, actor)).map((session) => ({ ...session, current: session.id === actor.sessionId }));
  }

  @Mutation(() => EndSessionPayload, { description: 'Ends one of the login\'s sessions (the current one too): its cookie is refused at once.' })
  async endSession(@Arg('input', () => EndSessionInput) input: EndSessionInput, @Ctx() context: Context): Promise<EndSessionPayload> {
    const actor = requireActor(context);
    const { result, userErrors } = await attempt(() => endSession(context.db, actor, input.id));
    return { endedSessionId: result?.id ?? null, userErrors };
  }

  @Mutation(() => EndOtherSessionsPayload, { description: "Ends every session of the login but the one asking." })
  async endOtherSessions(@Ctx() context: Context): Promise<EndOtherSessionsPayload> {
    const actor = requireActor(context);
    const { result, userErrors } = await attempt(() => endOtherSessions(context.db, actor));
    return { endedCount: result ?? 0, userErrors };
  }
}
