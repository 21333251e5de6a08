import { Field, ID, InputType, Int } from 'type-graphql';
import type { LifecycleRun } from '@/entities';
import { ConnectionType } from './connection';
import { PlainObjectType } from './object-type';
import { UserErrorType } from './user-error';
import { DateScalar, DateTimeScalar } from '../scalars';

@PlainObjectType('LifecycleRun', { description: 'One run of the daily lifecycle: reminders, deactivations and lapsed orders for a date.' })
export class LifecycleRunType {
  @Field(() => ID)
  id: string;

  @Field(() => DateScalar, { description: 'The day run; everything due on or before it was handled.' })
  date: string;

  @Field(() => Int, { description: 'Expiry reminders queued.' })
  reminders: number;

  @Field(() => Int, { description: "Services deactivated, reseller plans' client domains included." })
  deactivations: number;

  @Field(() => Int, { description: 'Unpaid orders cancelled.' })
  cancelledOrders: number;

  @Field(() => Int)
  durationMs: number;

  @Field(() => String, { description: 'Who ran it: an admin\'s email, or "system" for the schedule and the command line.' })
  actorLabel: string;

  @Field(() => DateTimeScalar)
  startedAt: Date;

  @Field(() => DateTimeScalar)
  finishedAt: Date;
}

export const LifecycleRunConnectionType = ConnectionType('LifecycleRun', LifecycleRunType);

@InputType('RunLifecycleInput')
export class RunLifecycleInput {
  @Field(() => DateScalar, { nullable: true, description: 'The day to run, not after today; today when omitted.' })
  date?: string | null;
}

@PlainObjectType('RunLifecyclePayload')
export class RunLifecyclePayload {
  @Field(() => LifecycleRunType, { nullable: true })
  run: LifecycleRun | null;

  @Field(() => [UserErrorType])
  userErrors: UserErrorType[];
}
