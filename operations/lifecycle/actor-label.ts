/** Who the audit trail names for what the daily lifecycle does. */
export const LIFECYCLE_ACTOR_LABEL = 'lifecycle';
