import { SCHEDULE_ROW_FIELDS } from '@/components/schedule-table';

/** What the schedule page asks for (also measured as an API query by the benchmark). */
export const SCHEDULE_PAGE_QUERY = `query($after: String) { expirySchedule(first: 50, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ${SCHEDULE_ROW_FIELDS} } } } }`;
