import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { today } from '@/lib/clock';
import { listLifecycleRuns } from '@/operations/lifecycle/list-runs';
import { runLifecycle } from '@/operations/lifecycle/run-lifecycle';
import { pageArgs } from '@/operations/pagination';
import type { Context } from '../context';
import { attempt } from '../errors';
import { requireAdmin } from '../guards';
import { toConnection } from '../types/connection';
import { LifecycleRunConnectionType, LifecycleRunType, RunLifecycleInput, RunLifecyclePayload } from '../types/lifecycle';

@Resolver(() => LifecycleRunType)
export class LifecycleResolver {
  @Mutation(() => RunLifecyclePayload, { description: 'Back office: runs the daily lifecycle (reminders, deactivations, lapsed orders) for a day, by default today. Idempotent; a past day catches up what was missed.' })
  async runLifecycle(@Arg('input', () => RunLifecycleInput) input: RunLifecycleInput, @Ctx() context: Context): Promise<RunLifecyclePayload> {
    const actor = requireAdmin(context);
    const { result, userErrors } = await attempt(() => runLifecycle(context.db, actor, input.date ?? today()));
    return { run: result, userErrors };
  }

  @Query(() => LifecycleRunConnectionType, { description: "Back office: the lifecycle's runs, latest first." })
  async lifecycleRuns(
    @Ctx() context: Context,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return toConnection(await listLifecycleRuns(context.db, requireAdmin(context), pageArgs(first, after)));
  }
}
